/** 扶贫手册“四个三” on a household's page (issue 15): what its 基础信息、帮扶措施、帮扶成效 lack, part by part. */
import { Card, List, Tag, Typography } from 'antd';
import { citeWords } from '../../domain/shared/sources';
import { ErrorResult } from '../app/ErrorResult';
import { useHandbookCheck } from './api';

const BASIS = citeWords('maanshan2017', '扶贫手册“四个三”：基础信息必须准确，帮扶措施必须细致，帮扶成效必须真实（一收入两不愁三保障）');

export function HandbookCheckCard({ householdId }: { householdId: number }) {
  const q = useHandbookCheck(householdId);
  const c = q.data;
  return (
    <Card
      size="small"
      title="扶贫手册“四个三”检查"
      style={{ marginBottom: 16 }}
      data-testid="handbook-check"
      extra={c && (c.complete ? <Tag color="green">齐全</Tag> : <Tag color="orange">有缺项</Tag>)}
    >
      {q.isError && <ErrorResult error={q.error} onRetry={() => void q.refetch()} />}
      {c && (
        <List
          size="small"
          dataSource={c.parts}
          renderItem={(p) => (
            <List.Item>
              <div>
                <Typography.Text strong>{p.label}</Typography.Text>
                {p.gaps.length ? (
                  p.gaps.map((g) => (
                    <div key={g.item}>
                      <Tag color="orange">{g.item}</Tag>
                      {g.message}
                    </div>
                  ))
                ) : (
                  <div>
                    <Typography.Text type="success">已齐全</Typography.Text>
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {BASIS}
      </Typography.Paragraph>
    </Card>
  );
}
