import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { closeRoundBody, createRoundBody, results, round, roundList, scoresBody, scoresSaved, unitBody, unitParams, unitSaved } from '../../contract/assessment/rounds';
import { schemeCopyBody, schemeList, schemeUpdateBody, schemeView } from '../../contract/assessment/scheme';
import { fileAnswer } from '../../contract/common';
import { idParams } from '../../contract/zod';
import { authOf, requireRole, type Auth } from '../auth/access';
import { receiveFile } from '../http/upload';
import { sendXlsx } from '../http/xlsx';
import type { Services } from '../services';

/** Assessment (考核, issue 5): schemes as data, rounds, the score grid, results with their explanations. */
export async function assessmentRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.assessment;
  const tags = ['assessment'];

  r.get('/api/assessment/schemes', { schema: { tags, summary: '考核方案列表（内置方案与副本）', response: { 200: schemeList } } }, async (req) => svc.listSchemes(authOf(req)));
  r.get(
    '/api/assessment/schemes/:id',
    { schema: { tags, summary: '考核方案（考核内容、指标、数据来源、考核方式与权重、等次规则）', params: idParams, response: { 200: schemeView } } },
    async (req) => svc.getScheme(authOf(req), req.params.id),
  );
  r.post(
    '/api/assessment/schemes/:id/copy',
    { schema: { tags, summary: '复制考核方案（系统管理员；副本可修改）', params: idParams, body: schemeCopyBody, response: { 201: schemeView } } },
    async (req, reply) => reply.code(201).send(await svc.copyScheme(authOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/assessment/schemes/:id',
    { schema: { tags, summary: '修改方案副本（内置方案和已被结束轮次使用的方案不能修改）', params: idParams, body: schemeUpdateBody, response: { 200: schemeView } } },
    async (req) => svc.updateScheme(authOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/assessment/rounds/:id/fill-from-system',
    { schema: { tags, summary: '用系统数据填入评分表（取台账、建档立卡、数据质量数据的指标）', params: idParams, response: { 200: scoresSaved } } },
    async (req) => svc.fillFromSystem(authOf(req), req.params.id),
  );
  r.get('/api/assessment/rounds', { schema: { tags, summary: '考核轮次列表', response: { 200: roundList } } }, async (req) => svc.listRounds(authOf(req)));
  r.post(
    '/api/assessment/rounds',
    { schema: { tags, summary: '新建考核轮次（方案、年度、考核对象、截止日期）', body: createRoundBody, response: { 201: round } } },
    async (req, reply) => reply.code(201).send(await svc.createRound(authOf(req), req.body)),
  );
  r.get('/api/assessment/rounds/:id', { schema: { tags, summary: '考核轮次（方案、考核对象、评分表）', params: idParams, response: { 200: round } } }, async (req) =>
    svc.getRound(authOf(req), req.params.id),
  );
  r.put(
    '/api/assessment/rounds/:id/scores',
    {
      schema: {
        tags,
        summary: '录入评分（一批：考核对象 × 考核方式 × 指标；有一项不合格则全部不写入；entry 为 null 清除）',
        params: idParams,
        body: scoresBody,
        response: { 200: scoresSaved },
      },
    },
    async (req) => svc.saveScores(authOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/assessment/rounds/:id/units/:unitKey',
    { schema: { tags, summary: '考核对象的认定事项（是/否）与加减分', params: unitParams, body: unitBody, response: { 200: unitSaved } } },
    async (req) => svc.saveUnit(authOf(req), req.params.id, req.params.unitKey, req.body),
  );
  r.get(
    '/api/assessment/rounds/:id/results',
    { schema: { tags, summary: '计算结果（等次、综合得分、排名、说明；谈话提醒等名单；等次分布）', params: idParams, response: { 200: results } } },
    async (req) => svc.results(authOf(req), req.params.id),
  );
  /** A round's .xlsx (the grid, the results), named after the round. */
  const xlsx = (path: string, summary: string, file: string, make: (auth: Auth, id: number) => Promise<{ fileName: string; buffer: Buffer }>) =>
    r.get(path, { schema: { tags, summary, params: idParams, response: { 200: fileAnswer(file) } } }, async (req, reply) => {
      const f = await make(authOf(req), req.params.id);
      return sendXlsx(reply, f.fileName, f.buffer);
    });
  xlsx('/api/assessment/rounds/:id/grid.xlsx', '下载评分表（每个考核方式一个工作表）', '评分表（.xlsx）', (auth, id) => svc.gridXlsx(auth, id));
  r.post(
    '/api/assessment/rounds/:id/grid.xlsx',
    { schema: { tags, summary: '上传评分表（逐格校验，有一处错误则全部不写入；multipart 字段 file）', params: idParams, response: { 200: scoresSaved } } },
    async (req) => {
      const auth = authOf(req);
      // Role and scope before a byte of the file is read.
      requireRole(auth, 'sysadmin', 'org_admin');
      await svc.getRound(auth, req.params.id);
      const file = await receiveFile(req, 'grid', '请选择要上传的 .xlsx 文件');
      const result = await svc.importGrid(auth, req.params.id, file.bytes);
      await services.audit.event(auth, 'upload', { what: '评分表导入', rows: result.saved, file: file.fileName, roundId: req.params.id });
      return result;
    },
  );
  xlsx('/api/assessment/rounds/:id/results.xlsx', '导出考核结果（综合评价结果与各考核对象的指标表）', '考核结果（.xlsx）', (auth, id) => svc.resultsXlsx(auth, id));
  r.post(
    '/api/assessment/rounds/:id/close',
    { schema: { tags, summary: '结束本轮考核（评分须完整；结束后不能修改，方案锁定）', params: idParams, body: closeRoundBody, response: { 200: round } } },
    async (req) => svc.closeRound(authOf(req), req.params.id, req.body),
  );
}
