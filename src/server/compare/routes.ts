import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  decisionBody,
  departmentList,
  departmentLists,
  departments,
  hitDetail,
  hitPage,
  hitsQuery,
  importListQuery,
  importListResult,
  listPreview,
  listRowPage,
  listRowsQuery,
  previewQuery,
  procedureRunBody,
  registryRunBody,
  run,
  runPage,
  runsQuery,
  villageHitsPage,
  villagesQuery,
  type EncodingChoice,
} from '../../contract/compare';
import { idParams } from '../../contract/zod';
import { authOf } from '../auth/access';
import { routeOptions } from '../http/route';
import { readUpload } from '../http/upload';
import type { Services } from '../services';
import { ListFileError, readListFile, type ListTable } from './list-file';

/**
 * Reads the uploaded list (multipart field `file`): .xlsx or CSV, read in the parse worker within the limits of a
 * department list. The caller's permission (`compare.lists`, the route's access) is checked before a byte is read.
 */
async function uploadedList(req: FastifyRequest, choice: EncodingChoice | undefined): Promise<{ fileName: string; table: ListTable }> {
  const { fileName, content } = await readUpload(req, 'list', '请选择要上传的 .xlsx 或 .csv 文件', (bytes, limit) => readListFile(bytes, choice ?? 'auto', limit), ListFileError);
  return { fileName, table: content };
}

/** Cross-department comparison, 一比对 (issue 4): department lists, comparison runs, hits and the assembly's decisions. */
export async function compareRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.compare;
  const doc = routeOptions(['compare']);

  r.get('/api/compare/departments', doc.ok('部门名单的种类', departments, { access: 'signedIn' }), async (req) => (authOf(req), { items: svc.departments() }));

  // --- department lists --------------------------------------------------------------------------------------------
  r.post('/api/compare/lists/preview', doc.ok('预览部门名单文件：表头、识别出的身份证号列和姓名列、前 5 行', listPreview, { querystring: previewQuery, access: 'compare.lists' }), async (req) => {
    const auth = authOf(req);
    const { fileName, table } = await uploadedList(req, req.query.encoding);
    return { fileName, format: table.format, sheet: table.sheet ?? null, encoding: table.encoding ?? null, headerRow: table.headerRow, ...svc.preview(auth, table) };
  });
  r.post('/api/compare/lists', doc.created('导入部门名单（.xlsx 或 .csv；逐行校验身份证号，一行有错则全部不写入，除非选择跳过有错误的行）', importListResult, { querystring: importListQuery, access: 'compare.lists' }), async (req) => {
    const auth = authOf(req);
    const q = req.query;
    const { fileName, table } = await uploadedList(req, q.encoding);
    const rows = table.rows;
    const batches = function* () {
      for (let i = 0; i < rows.length; i += 50_000) yield rows.slice(i, i + 50_000);
    };
    const result = await svc.importList(
      auth,
      { name: q.name ?? '', department: q.department ?? '', fileName, columns: { id: q.idColumn, name: q.nameColumn, detail: q.detailColumn }, skipInvalid: q.skipInvalid },
      { headers: table.headers, rows: batches() },
    );
    await services.audit.event(auth, 'upload', { what: '部门名单导入', rows: result.written, file: fileName, listId: result.list.id });
    return result;
  });
  r.get('/api/compare/lists', doc.ok('部门名单（本级、上级和下级导入的；部门数据员只见本部门的）', departmentLists, { access: 'compare.read' }), async (req) => svc.lists(authOf(req)));
  r.get('/api/compare/lists/:id', doc.ok('一份部门名单', departmentList, { params: idParams, access: 'compare.read' }), async (req) => svc.list(authOf(req), req.params.id));
  r.get('/api/compare/lists/:id/rows', doc.ok('部门名单的数据行（分页；q 按身份证号前缀或姓名查找）', listRowPage, { params: idParams, querystring: listRowsQuery, access: 'compare.read' }), async (req) =>
    svc.listRows(authOf(req), req.params.id, req.query),
  );
  r.delete('/api/compare/lists/:id', doc.empty('删除部门名单（已有的比对线索保留其证据）', { params: idParams, access: 'compare.lists' }), async (req, reply) => {
    await svc.deleteList(authOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  // --- comparisons ---------------------------------------------------------------------------------------------------
  r.post('/api/compare/runs', doc.created('比对建档立卡户全部家庭成员（按地区，默认本人管辖范围）', run, { body: registryRunBody, access: 'compare.run' }), async (req) => svc.compareRegistry(authOf(req), req.body));
  r.post('/api/compare/procedures/:id/runs', doc.created('比对某一程序的申请户（或该户）全部家庭成员', run, { params: idParams, body: procedureRunBody, access: 'compare.run' }), async (req) =>
    svc.compareProcedure(authOf(req), req.params.id, req.body),
  );
  r.get('/api/compare/runs', doc.ok('比对记录（分页）', runPage, { querystring: runsQuery, access: 'compare.read' }), async (req) => svc.runs(authOf(req), req.query));
  r.get('/api/compare/runs/:id', doc.ok('一次比对：范围、名单、人数、命中数（本人管辖范围内）', run, { params: idParams, access: 'compare.read' }), async (req) => svc.run(authOf(req), req.params.id));
  r.get('/api/compare/runs/:id/villages', doc.ok('一次比对按村汇总的线索', villageHitsPage, { params: idParams, querystring: villagesQuery, access: 'compare.read' }), async (req) => svc.villages(authOf(req), req.params.id, req.query));
  r.get('/api/compare/runs/:id/hits', doc.ok('一次比对的线索（按村、户、人排列，含证据）', hitPage, { params: idParams, querystring: hitsQuery, access: 'compare.read' }), async (req) => svc.hits(authOf(req), req.params.id, req.query));
  r.get('/api/compare/hits/:id', doc.ok('一条线索及其评议记录', hitDetail, { params: idParams, access: 'compare.read' }), async (req) => svc.hit(authOf(req), req.params.id));
  r.post('/api/compare/hits/:id/decision', doc.ok('记录村民代表大会对线索的评议结果（属实 / 不属实）；不改变贫困户的状态和成员', hitDetail, { params: idParams, body: decisionBody, access: 'compare.decide' }), async (req) =>
    svc.decide(authOf(req), req.params.id, req.body),
  );
}
