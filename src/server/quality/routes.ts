import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkParams, findingsPage, type Finding, findingsQuery, handbookBody, handbookChecks, latestRun, qualityChecks, qualityRun, regionQuery, runBody } from '../../contract/quality';
import { idParams } from '../../contract/zod';
import { authOf } from '../auth/access';
import { sendTableExport, type ExportColumn } from '../http/xlsx';
import { routeOptions } from '../http/route';
import type { Services } from '../services';

type ExportedFinding = Finding & { villageName: string };
const FINDING_COLUMNS: ReadonlyArray<ExportColumn<ExportedFinding>> = [
  { header: '所在村', width: 40, cell: (f) => f.villageName },
  { header: '户编号', width: 10, cell: (f) => f.number },
  { header: '姓名', width: 12, cell: (f) => f.name },
  { header: '身份证号', width: 20, cell: (f) => f.idNumber },
  { header: '情况', width: 60, cell: (f) => f.detail },
];

/** Data-quality checks (issue 4). */
export async function qualityRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = services.quality;
  const doc = routeOptions(['quality']);
  r.get('/api/quality/checks', doc.ok('数据质量检查项', qualityChecks, { access: 'quality.read' }), async (req) => (authOf(req), q.checks()));
  r.post('/api/quality/runs', doc.ok('立即运行全部检查（按地区）', qualityRun, { body: runBody, access: 'quality.run' }), async (req) => q.run(authOf(req), req.body.region));
  r.get('/api/quality/latest', doc.ok('最近一次检查的计数', latestRun, { querystring: regionQuery, access: 'quality.read' }), async (req) => q.latest(authOf(req), req.query.region));
  r.get('/api/quality/households/:id/handbook', doc.ok('扶贫手册核对记录（三个一致）', handbookChecks, { params: idParams, access: 'quality.read' }), async (req) => q.handbook(authOf(req), req.params.id));
  r.post('/api/quality/households/:id/handbook', doc.created('记录扶贫手册核对结果（手册上的家庭人口、人均纯收入、帮扶责任人）', handbookChecks, { params: idParams, body: handbookBody, access: 'quality.run' }), async (req) =>
    q.recordHandbook(authOf(req), req.params.id, req.body),
  );
  r.get('/api/quality/checks/:key/export.xlsx', doc.file('导出某项检查发现的全部记录', '检查发现的记录（.xlsx）', { params: checkParams, querystring: regionQuery, access: 'quality.read' }), async (req, reply) => {
    const label = q.checks().find((c) => c.key === req.params.key)?.label ?? req.params.key;
    const table = { fileName: `数据质量-${label}.xlsx`, sheet: '检查发现', columns: FINDING_COLUMNS, what: `数据质量检查导出：${label}`, idNumbers: true };
    return sendTableExport(req, reply, services.audit, table, (auth) => q.exportFindings(auth, req.params.key, req.query.region));
  });
  r.get('/api/quality/checks/:key', doc.ok('某项检查发现的记录（分页）', findingsPage, { params: checkParams, querystring: findingsQuery, access: 'quality.read' }), async (req) => q.findings(authOf(req), req.params.key, req.query));
}
