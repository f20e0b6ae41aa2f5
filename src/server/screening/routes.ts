import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { decisionBody, exportQuery, flagDetail, flagPage, flagsQuery, run, runBody, runPage, runsQuery, villageFlagsPage, villagesQuery, type Flag } from '../../contract/screening';
import { SCREENING_KIND_LABELS } from '../../domain/screening/flags';
import { idParams } from '../../contract/zod';
import { authOf } from '../auth/access';
import { routeOptions } from '../http/route';
import { sendTableExport, type ExportColumn } from '../http/xlsx';
import type { Services } from '../services';

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const FLAG_COLUMNS: ReadonlyArray<ExportColumn<Flag>> = [
  { header: '类别', width: 8, cell: (f) => f.kind },
  { header: '地区', width: 30, cell: (f) => f.regionName },
  { header: '地区代码', width: 14, cell: (f) => f.regionCode },
  { header: '户编号', width: 12, cell: (f) => f.householdNumber },
  { header: '姓名（户主）', width: 12, cell: (f) => f.personName },
  { header: '身份证号', width: 20, cell: (f) => f.idNumber },
  { header: '名单', width: 20, cell: (f) => f.listName },
  { header: '名单种类', width: 14, cell: (f) => f.listKind },
  { header: '名单行号', width: 8, cell: (f) => f.rowNo },
  { header: '名单详情', width: 30, cell: (f) => f.detail },
  { header: '收入年度', width: 8, cell: (f) => num(f.evidence.year) },
  { header: '纯收入（元）', width: 12, cell: (f) => num(f.evidence.netIncome) },
  { header: '家庭人口', width: 8, cell: (f) => num(f.evidence.size) },
  { header: '扶贫标准（元）', width: 12, cell: (f) => num(f.evidence.lineYuan) },
  { header: '不符合的标准', width: 40, cell: (f) => f.reasons.map((r) => `${r.label}：${r.reason}`).join('；') },
  { header: '评议结果', width: 8, cell: (f) => f.decision },
  { header: '评议情况', width: 30, cell: (f) => f.outcome },
];

/** 漏评 / 错评 / 错退 screening (issue 15): runs, flags by village and kind, the village's decisions, the export. */
export async function screeningRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.screening;
  const doc = routeOptions(['screening']);

  r.post('/api/screening/runs', doc.created('排查漏评、错评、错退（按地区，默认本人管辖范围；漏评比对所选排查名单）', run, { body: runBody, access: 'compare.run' }), async (req) => svc.start(authOf(req), req.body));
  r.get('/api/screening/runs', doc.ok('排查记录（分页）', runPage, { querystring: runsQuery, access: 'compare.read' }), async (req) => svc.runs(authOf(req), req.query));
  r.get('/api/screening/runs/:id', doc.ok('一次排查：地区、名单、人数和各类线索数（本人管辖范围内）', run, { params: idParams, access: 'compare.read' }), async (req) => svc.run(authOf(req), req.params.id));
  r.get('/api/screening/runs/:id/villages', doc.ok('一次排查按村汇总的线索', villageFlagsPage, { params: idParams, querystring: villagesQuery, access: 'compare.read' }), async (req) =>
    svc.villages(authOf(req), req.params.id, req.query),
  );
  r.get('/api/screening/runs/:id/flags', doc.ok(`一次排查的线索（${Object.keys(SCREENING_KIND_LABELS).join('、')}，含证据）`, flagPage, { params: idParams, querystring: flagsQuery, access: 'compare.read' }), async (req) =>
    svc.flags(authOf(req), req.params.id, req.query),
  );
  r.get('/api/screening/runs/:id/flags/export.xlsx', doc.file('导出排查线索', '排查线索（.xlsx）', { params: idParams, querystring: exportQuery, access: 'compare.read' }), async (req, reply) =>
    sendTableExport(req, reply, services.audit, { fileName: '漏评错评错退排查线索.xlsx', sheet: '排查线索', columns: FLAG_COLUMNS, what: '排查线索导出', idNumbers: true }, (auth) => svc.exportFlags(auth, req.params.id, req.query)),
  );
  r.get('/api/screening/flags/:id', doc.ok('一条排查线索及其评议记录', flagDetail, { params: idParams, access: 'compare.read' }), async (req) => svc.flag(authOf(req), req.params.id));
  r.post('/api/screening/flags/:id/decision', doc.ok('记录村里对排查线索的核实评议结果（属实 / 不属实）；不改变建档立卡数据', flagDetail, { params: idParams, body: decisionBody, access: 'compare.decide' }), async (req) =>
    svc.decide(authOf(req), req.params.id, req.body),
  );
}
