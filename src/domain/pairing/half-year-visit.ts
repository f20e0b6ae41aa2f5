/**
 * The half-yearly visit of an exited household (seed 004): “脱贫以后，每半年至少上门回访1次” and “标注后的稳定脱贫户仍需安排
 * 帮扶联系人定期走访”. Half-years are 1–6月 and 7–12月. A family doctor's visit (家庭医生签约走访) is recorded too but is
 * not the helper's 回访.
 */
import { halfOf } from '../shared/dates';

export const VISIT_KINDS = ['帮扶走访', '家庭医生'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/**
 * The files a visit keeps (issue 12, recorded on a phone): 走访照片, and the 帮扶成效签字 of the household and of the
 * helper drawn on the screen (seed 004, 扶贫手册 “四个三”: 帮扶成效真实, signed by both). A file of no kind is a photo or
 * scan of a signed sheet (签字材料).
 */
export const VISIT_FILE_KINDS = { photo: '走访照片', household: '贫困户签字', helper: '帮扶责任人签字' } as const;
export type VisitFileKind = keyof typeof VISIT_FILE_KINDS;

/** The statuses that need the half-yearly visit. */
export const EXITED_STATUSES = ['已脱贫', '稳定脱贫'] as const;

export interface HalfYear {
  year: number;
  half: 1 | 2;
  /** First and last day, `YYYY-MM-DD`. */
  from: string;
  to: string;
  label: string;
}

export function halfYear(year: number, half: 1 | 2): HalfYear {
  return half === 1
    ? { year, half, from: `${year}-01-01`, to: `${year}-06-30`, label: `${year} 年上半年` }
    : { year, half, from: `${year}-07-01`, to: `${year}-12-31`, label: `${year} 年下半年` };
}

/** The half-year a date (`YYYY-MM-DD`) falls in. */
export function halfYearOf(iso: string): HalfYear {
  return halfYear(Number(iso.slice(0, 4)), halfOf(iso));
}

/**
 * Null when the household needs no visit in the half-year or has had one, otherwise the reason. Only exited
 * households (已脱贫, 稳定脱贫) need it, and only a helper's visit (帮扶走访) dated inside the half-year counts.
 */
export function missingVisitProblem(status: string, visits: ReadonlyArray<{ kind: string; visitedOn: string }>, half: HalfYear): string | null {
  if (!(EXITED_STATUSES as readonly string[]).includes(status)) return null;
  const visited = visits.some((v) => v.kind === '帮扶走访' && v.visitedOn >= half.from && v.visitedOn <= half.to);
  return visited ? null : `${half.label}尚未上门回访：脱贫以后，每半年至少上门回访 1 次`;
}
