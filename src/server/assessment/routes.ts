import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assessorsBody, closeRoundBody, createRoundBody, results, round, roundList, scoresBody, scoresSaved, unitBody, unitParams, unitSaved } from '../../contract/assessment/rounds';
import { schemeCopyBody, schemeList, schemeUpdateBody, schemeView } from '../../contract/assessment/scheme';
import { idParams } from '../../contract/zod';
import { authOf, type Auth } from '../auth/access';
import { routeOptions } from '../http/route';
import { receiveFile } from '../http/upload';
import { sendXlsx } from '../http/xlsx';
import type { Services } from '../services';

/** Assessment (考核, issue 5): schemes as data, rounds, the score grid, results with their explanations. */
export async function assessmentRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.assessment;
  const doc = routeOptions(['assessment']);

  r.get('/api/assessment/schemes', doc.ok('考核方案列表（内置方案与副本）', schemeList, { access: 'assessment.read' }), async (req) => svc.listSchemes(authOf(req)));
  r.get('/api/assessment/schemes/:id', doc.ok('考核方案（考核内容、指标、数据来源、考核方式与权重、等次规则）', schemeView, { params: idParams, access: 'assessment.read' }), async (req) => svc.getScheme(authOf(req), req.params.id));
  r.post('/api/assessment/schemes/:id/copy', doc.created('复制考核方案（系统管理员；副本可修改）', schemeView, { params: idParams, body: schemeCopyBody, access: 'assessment.manage' }), async (req) =>
    svc.copyScheme(authOf(req), req.params.id, req.body),
  );
  r.put('/api/assessment/schemes/:id', doc.ok('修改方案副本（内置方案和已被结束轮次使用的方案不能修改）', schemeView, { params: idParams, body: schemeUpdateBody, access: 'assessment.manage' }), async (req) =>
    svc.updateScheme(authOf(req), req.params.id, req.body),
  );

  r.post('/api/assessment/rounds/:id/fill-from-system', doc.ok('用系统数据填入评分表（取台账、建档立卡、数据质量数据的指标）', scoresSaved, { params: idParams, access: 'assessment.manage' }), async (req) => svc.fillFromSystem(authOf(req), req.params.id));
  r.get('/api/assessment/rounds', doc.ok('考核轮次列表（考核员只见其所在的轮次）', roundList, { access: 'assessment.read' }), async (req) => svc.listRounds(authOf(req)));
  r.post('/api/assessment/rounds', doc.created('新建考核轮次（方案、年度、考核对象、截止日期）', round, { body: createRoundBody, access: 'assessment.manage' }), async (req) => svc.createRound(authOf(req), req.body));
  r.get('/api/assessment/rounds/:id', doc.ok('考核轮次（方案、考核对象、评分表）', round, { params: idParams, access: 'assessment.read' }), async (req) => svc.getRound(authOf(req), req.params.id));
  r.put('/api/assessment/rounds/:id/scores', doc.ok('录入评分（一批：考核对象 × 考核方式 × 指标；有一项不合格则全部不写入；entry 为 null 清除）', scoresSaved, { params: idParams, body: scoresBody, access: 'assessment.score' }), async (req) =>
    svc.saveScores(authOf(req), req.params.id, req.body),
  );
  r.put('/api/assessment/rounds/:id/units/:unitKey', doc.ok('考核对象的认定事项（是/否）与加减分', unitSaved, { params: unitParams, body: unitBody, access: 'assessment.score' }), async (req) =>
    svc.saveUnit(authOf(req), req.params.id, req.params.unitKey, req.body),
  );
  r.get('/api/assessment/rounds/:id/results', doc.ok('计算结果（等次、综合得分、排名、说明；谈话提醒等名单；等次分布）', results, { params: idParams, access: 'assessment.read' }), async (req) => svc.results(authOf(req), req.params.id));
  /** A round's .xlsx (the grid, the results), named after the round. */
  const xlsx = (path: string, summary: string, file: string, make: (auth: Auth, id: number) => Promise<{ fileName: string; buffer: Buffer }>) =>
    r.get(path, doc.file(summary, file, { params: idParams, access: 'assessment.read' }), async (req, reply) => {
      const f = await make(authOf(req), req.params.id);
      return sendXlsx(reply, f.fileName, f.buffer);
    });
  xlsx('/api/assessment/rounds/:id/grid.xlsx', '下载评分表（每个考核方式一个工作表）', '评分表（.xlsx）', (auth, id) => svc.gridXlsx(auth, id));
  r.post('/api/assessment/rounds/:id/grid.xlsx', doc.ok('上传评分表（逐格校验，有一处错误则全部不写入；multipart 字段 file）', scoresSaved, { params: idParams, access: 'assessment.score' }), async (req) => {
    const auth = authOf(req);
    // Permission (the route's access) and scope before a byte of the file is read.
    await svc.getRound(auth, req.params.id);
    const file = await receiveFile(req, 'grid', '请选择要上传的 .xlsx 文件');
    const result = await svc.importGrid(auth, req.params.id, file.bytes);
    await services.audit.event(auth, 'upload', { what: '评分表导入', rows: result.saved, file: file.fileName, roundId: req.params.id });
    return result;
  });
  xlsx('/api/assessment/rounds/:id/results.xlsx', '导出考核结果（综合评价结果与各考核对象的指标表）', '考核结果（.xlsx）', (auth, id) => svc.resultsXlsx(auth, id));
  r.put('/api/assessment/rounds/:id/assessors', doc.ok('指定本轮的考核员（整张名单；须为本单位及下级的、有“录入评分”权限的用户）', round, { params: idParams, body: assessorsBody, access: 'assessment.manage' }), async (req) =>
    svc.setAssessors(authOf(req), req.params.id, req.body),
  );
  r.post('/api/assessment/rounds/:id/close', doc.ok('结束本轮考核（评分须完整；结束后不能修改，方案锁定）', round, { params: idParams, body: closeRoundBody, access: 'assessment.manage' }), async (req) =>
    svc.closeRound(authOf(req), req.params.id, req.body),
  );
}
