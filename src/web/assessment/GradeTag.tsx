import { Tag } from 'antd';

const GRADE_COLORS: Record<string, string> = { 好: 'green', 较好: 'blue', 一般: 'orange', 较差: 'red', 差: 'red' };

/** A grade of a scale (好 / 较好 / 一般 / 较差 or 差), coloured from best to worst. */
export function GradeTag({ grade }: { grade: string }) {
  return <Tag color={GRADE_COLORS[grade] ?? 'default'}>{grade}</Tag>;
}
