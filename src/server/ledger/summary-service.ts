import type { MemberFigures, Summary, SummaryQuery, Totals } from '../../contract/ledger-summary';
import type { Page } from '../../contract/page';
import { CODEBOOK } from '../../domain/ledger/codebook';
import { FUND_KEYS, type FundKey } from '../../domain/ledger/fields';
import { formatWanYuan } from '../../domain/ledger/money';
import { isoDate, yearOf } from '../../domain/shared/dates';
import { validationError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import type { OrgsService } from '../orgs/service';
import type { FigureRow, FundColumns, LedgerRepo } from './repo';

export interface LedgerSummaryDeps {
  repo: LedgerRepo;
  orgs: OrgsService;
  now: () => Date;
}

/** The five sources of funds of a row, in FUND_KEYS order. */
export function fundsOf(r: FundColumns): [number, number, number, number, number] {
  return [r.fundDonation, r.fundPersonal, r.fundSocial, r.fundBank, r.fundFiscal];
}

function figuresOf(rows: FigureRow[]) {
  let entries = 0;
  let villages = 0;
  let households = 0;
  let beneficiaries = 0;
  const funds = [0, 0, 0, 0, 0];
  for (const r of rows) {
    entries += r.entries;
    villages += r.villages;
    households += r.households;
    fundsOf(r).forEach((v, i) => (funds[i]! += v));
    beneficiaries += r.beneficiaries;
  }
  return {
    entries,
    villages,
    households,
    funds: Object.fromEntries(FUND_KEYS.map((k, i) => [k, formatWanYuan(funds[i]!)])) as Record<FundKey, string>,
    fundsTotal: formatWanYuan(funds.reduce((a, b) => a + b, 0)),
    beneficiaries,
  };
}

function totalsTree(rows: FigureRow[]): Totals {
  return {
    total: figuresOf(rows),
    categories: CODEBOOK.map((c) => ({
      code: c.code,
      name: c.name,
      ...figuresOf(rows.filter((r) => r.subtypeCode.startsWith(c.code))),
      subtypes: c.subtypes.map((s) => ({ code: s.code, name: s.name, unit: s.unit, ...figuresOf(rows.filter((r) => r.subtypeCode === s.code)) })),
    })),
  };
}

/**
 * The ledger's totals (汇总): a body and its subtree over a range of start years (an entry counts once, in its start
 * year: seed 000 跨年度事项只录入1次), and each member's part. Years default to this one; `yearTo` to `yearFrom`.
 */
export function makeLedgerSummaryService({ repo, orgs, now }: LedgerSummaryDeps) {
  const yearsOf = (q: SummaryQuery) => {
    const yearFrom = q.yearFrom ?? yearOf(now());
    return { yearFrom, yearTo: q.yearTo ?? yearFrom };
  };

  return {
    async summary(auth: Auth, q: SummaryQuery): Promise<Summary> {
      const { yearFrom, yearTo } = yearsOf(q);
      const org = await orgs.get(auth, q.orgId || auth.orgId);
      if (yearTo < yearFrom) throw validationError([{ field: 'yearTo', label: '结束年度', message: '不能早于开始年度' }]);
      const rows = await repo.figures(org.id, yearFrom, yearTo);
      // Members marked unable to serve are left out from the mark's date: judged at the end of the range (or today).
      const end = `${yearTo}-12-31`;
      const today = isoDate(now());
      const participation = await repo.participation(org.id, yearFrom, yearTo, end < today ? end : today);
      return {
        org: { id: org.id, name: org.name },
        yearFrom,
        yearTo,
        all: totalsTree(rows),
        deepPoverty: totalsTree(rows.filter((r) => r.deepPoverty)),
        participation: { ...participation, rate: participation.members ? participation.active / participation.members : 0 },
      };
    },

    async memberSummary(auth: Auth, q: SummaryQuery & { page: number; pageSize: number }): Promise<Page<MemberFigures>> {
      const { yearFrom, yearTo } = yearsOf(q);
      const org = await orgs.get(auth, q.orgId || auth.orgId);
      const rows = await repo.memberFigures(org.path, yearFrom, yearTo, q.pageSize, (q.page - 1) * q.pageSize);
      return {
        items: rows.map((r) => ({ memberId: r.memberId, name: r.name, orgName: r.orgName, entries: r.entries, fundsTotal: formatWanYuan(r.funds), beneficiaries: r.beneficiaries })),
        total: rows[0]?.total ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}
