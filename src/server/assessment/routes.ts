import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../auth/access';
import { receiveFile } from '../http/upload';
import { bool, id, idParam, idParams, int, isoDate, key, list, name, smallInt, text } from '../../contract/zod';
import type { Services } from '../services';
import type { StoredScheme } from './service';

/** A number of a scheme (weights, points, thresholds): finite and of a sensible size. */
const real = () => z.number({ error: '应为数字' }).min(-1e9, { error: '数值超出范围' }).max(1e9, { error: '数值超出范围' });
const label = (max: number) => name(max).min(1, { error: '必填' });
const scoring = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grade') }),
  z.object({ kind: z.literal('points'), max: real().positive() }),
  z.object({ kind: z.literal('median'), unit: name(20).optional(), bands: z.object({ edges: list(real(), 100), lowerIsBetter: bool().optional() }).optional() }),
  z.object({ kind: z.literal('done'), doneGrades: list(label(20), 20).min(1), notDoneGrade: name(20) }),
]);
const schemeBody = z.object({
  id: name(60).optional(),
  name: name(200),
  year: smallInt(),
  unitKind: name(20),
  source: text(2000),
  scale: list(label(20), 20).min(2),
  methods: list(z.object({ key: label(30), label: label(50), weight: real() }), 20).min(1),
  contents: list(
    z.object({
      key: label(40),
      name: label(200),
      major: bool().optional(),
      indicators: list(z.object({ key: label(40), name: label(200), source: text(2000), scoring, system: name(40).optional() }), 200).min(1),
    }),
    100,
  ).min(1),
  gradePoints: z.record(key(20), real()),
  gradeThresholds: list(real(), 20),
  facts: list(z.object({ key: label(40), label: label(200) }), 100),
  rules: list(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('floor'), id: name(40), fact: name(40), min: name(20), text: text(2000) }),
      z.object({ kind: z.literal('cap'), id: name(40), items: z.literal('major'), when: name(20), max: name(20), text: text(2000) }),
      z.object({ kind: z.literal('veto'), id: name(40), fact: name(40), text: text(2000) }),
    ]),
    100,
  ),
  adjustments: list(z.object({ key: label(40), label: label(200), sign: z.union([z.literal(1), z.literal(-1)]), max: real().nonnegative() }), 100),
  gradeDescriptions: z.record(key(20), text(2000)).optional(),
  consequences: list(z.object({ grades: list(name(20), 20), action: label(2000), source: text(2000) }), 100).optional(),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="assessment.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
const roundParams = z.object({ id: idParam(), unitKey: name(40) });

/** Assessment (考核, issue 5): schemes as data, rounds, the score grid, results with their explanations. */
export async function assessmentRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.assessment;
  const tags = ['assessment'];

  r.get('/api/assessment/schemes', { schema: { tags, summary: '考核方案列表（内置方案与副本）' } }, async (req) => svc.listSchemes(authOf(req)));
  r.get('/api/assessment/schemes/:id', { schema: { tags, summary: '考核方案（考核内容、指标、数据来源、考核方式与权重、等次规则）', params: idParams } }, async (req) =>
    svc.getScheme(authOf(req), req.params.id),
  );
  r.post(
    '/api/assessment/schemes/:id/copy',
    { schema: { tags, summary: '复制考核方案（系统管理员；副本可修改）', params: idParams, body: z.object({ code: name(60).optional(), name: name(200).optional() }) } },
    async (req, reply) => reply.code(201).send(await svc.copyScheme(authOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/assessment/schemes/:id',
    { schema: { tags, summary: '修改方案副本（内置方案和已被结束轮次使用的方案不能修改）', params: idParams, body: z.object({ scheme: schemeBody, version: int() }) } },
    async (req) => svc.updateScheme(authOf(req), req.params.id, { scheme: req.body.scheme as StoredScheme, version: req.body.version }),
  );

  r.post(
    '/api/assessment/rounds/:id/fill-from-system',
    { schema: { tags, summary: '用系统数据填入评分表（取台账、建档立卡、数据质量数据的指标）', params: idParams } },
    async (req) => svc.fillFromSystem(authOf(req), req.params.id),
  );
  r.get('/api/assessment/rounds', { schema: { tags, summary: '考核轮次列表' } }, async (req) => svc.listRounds(authOf(req)));
  r.post(
    '/api/assessment/rounds',
    {
      schema: {
        tags,
        summary: '新建考核轮次（方案、年度、考核对象、截止日期）',
        body: z.object({
          schemeId: id(),
          name: name(200),
          year: smallInt(),
          units: list(z.object({ unitKey: name(40), name: name(100), kind: name(12), ref: name(40).optional() }), 10_000),
          deadlines: z.object({ selfEvaluation: isoDate().optional(), methods: z.record(key(30), isoDate()).optional() }).optional(),
        }),
      },
    },
    async (req, reply) => reply.code(201).send(await svc.createRound(authOf(req), req.body)),
  );
  r.get('/api/assessment/rounds/:id', { schema: { tags, summary: '考核轮次（方案、考核对象、评分表）', params: idParams } }, async (req) => svc.getRound(authOf(req), req.params.id));
  r.put(
    '/api/assessment/rounds/:id/scores',
    {
      schema: {
        tags,
        summary: '录入评分（一批：考核对象 × 考核方式 × 指标；有一项不合格则全部不写入；entry 为 null 清除）',
        params: idParams,
        body: z.object({
          version: int().optional(),
          entries: list(z.object({ unitKey: name(40), methodKey: name(30), indicatorKey: name(40), entry: z.unknown() }), 200_000),
        }),
      },
    },
    async (req) => svc.saveScores(authOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/assessment/rounds/:id/units/:unitKey',
    {
      schema: {
        tags,
        summary: '考核对象的认定事项（是/否）与加减分',
        params: roundParams,
        body: z.object({ facts: z.record(key(40), z.unknown()).optional(), adjustments: z.record(key(40), z.unknown()).optional(), version: int().optional() }),
      },
    },
    async (req) =>
      svc.saveUnit(authOf(req), req.params.id, req.params.unitKey, {
        facts: req.body.facts as Record<string, boolean> | undefined,
        adjustments: req.body.adjustments as Record<string, number> | undefined,
        version: req.body.version,
      }),
  );
  r.get('/api/assessment/rounds/:id/results', { schema: { tags, summary: '计算结果（等次、综合得分、排名、说明；谈话提醒等名单；等次分布）', params: idParams } }, async (req) =>
    svc.results(authOf(req), req.params.id),
  );
  r.get('/api/assessment/rounds/:id/grid.xlsx', { schema: { tags, summary: '下载评分表（每个考核方式一个工作表）', params: idParams } }, async (req, reply) => {
    const f = await svc.gridXlsx(authOf(req), req.params.id);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(f.fileName)).send(f.buffer);
  });
  r.post('/api/assessment/rounds/:id/grid.xlsx', { schema: { tags, summary: '上传评分表（逐格校验，有一处错误则全部不写入；multipart 字段 file）', params: idParams } }, async (req) => {
    const auth = authOf(req);
    // Role and scope before a byte of the file is read.
    requireRole(auth, 'sysadmin', 'org_admin');
    await svc.getRound(auth, req.params.id);
    const file = await receiveFile(req, 'grid', '请选择要上传的 .xlsx 文件');
    const result = await svc.importGrid(auth, req.params.id, file.bytes);
    await services.audit.event(auth, 'upload', { what: '评分表导入', rows: result.saved, file: file.fileName, roundId: req.params.id });
    return result;
  });
  r.get('/api/assessment/rounds/:id/results.xlsx', { schema: { tags, summary: '导出考核结果（综合评价结果与各考核对象的指标表）', params: idParams } }, async (req, reply) => {
    const f = await svc.resultsXlsx(authOf(req), req.params.id);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(f.fileName)).send(f.buffer);
  });
  r.post(
    '/api/assessment/rounds/:id/close',
    { schema: { tags, summary: '结束本轮考核（评分须完整；结束后不能修改，方案锁定）', params: idParams, body: z.object({ version: int() }) } },
    async (req) => svc.closeRound(authOf(req), req.params.id, req.body),
  );
}
