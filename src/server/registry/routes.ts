import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../auth/access';
import { noContent } from '../../contract/common';
import { idParams } from '../../contract/zod';
import { household, householdCreate, householdHits, householdPatch, householdQuery, incomeItemsInput, incomeParams, statusChange } from '../../contract/registry/households';
import { povertyLineInput, povertyLines, statistics, statisticsQuery, trialHouseholdInput, trialHouseholdResult, trialVillageInput } from '../../contract/registry/rules';
import { verdict } from '../../contract/registry/common';
import { village, villageExitQuery, villageInput, villageParams, villageYearInput, villageYearParams } from '../../contract/registry/villages';
import type { Services } from '../services';

/** The applicant's fields of a new-household procedure are the registry's (kept here for the procedures' routes). */

export async function registryRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reg = services.registry;
  const tags = ['registry'];

  r.get('/api/registry/poverty-lines', { schema: { tags, summary: '扶贫标准（年度 × 国家/省/市）', response: { 200: povertyLines } } }, async (req) => {
    authOf(req);
    return { items: await reg.lines() };
  });
  r.put('/api/registry/poverty-lines', { schema: { tags, summary: '设置扶贫标准', body: povertyLineInput, response: { 200: povertyLines } } }, async (req) => ({
    items: await reg.setLine(authOf(req), req.body),
  }));
  r.delete('/api/registry/poverty-lines/:id', { schema: { tags, summary: '删除扶贫标准', params: idParams, response: { 204: noContent } } }, async (req, reply) => {
    await reg.deleteLine(authOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get(
    '/api/registry/villages/:code',
    { schema: { tags, summary: '村情与出列检查', params: villageParams, querystring: villageExitQuery, response: { 200: village } } },
    async (req) => reg.village(authOf(req), req.params.code, { minCollectiveIncomeYuan: req.query.minCollectiveIncomeYuan }),
  );
  r.put('/api/registry/villages/:code', { schema: { tags, summary: '保存村情', params: villageParams, body: villageInput, response: { 200: village } } }, async (req) =>
    reg.saveVillage(authOf(req), req.params.code, req.body),
  );
  r.put(
    '/api/registry/villages/:code/years/:year',
    { schema: { tags, summary: '村集体经济收入与年度脱贫规划', params: villageYearParams, body: villageYearInput, response: { 200: village } } },
    async (req) => reg.saveVillageYear(authOf(req), req.params.code, req.params.year, req.body),
  );

  r.get(
    '/api/registry/households',
    { schema: { tags, summary: '按姓名、身份证号或户编号查找贫困户', querystring: householdQuery, response: { 200: householdHits } } },
    async (req) => reg.search(authOf(req), req.query),
  );
  r.post(
    '/api/registry/households',
    { schema: { tags, summary: '建档立卡：新增贫困户及家庭成员', body: householdCreate, response: { 201: household } } },
    async (req, reply) => reply.status(201).send(await reg.createHousehold(authOf(req), req.body)),
  );
  r.get('/api/registry/households/:id', { schema: { tags, summary: '贫困户（扶贫手册）', params: idParams, response: { 200: household } } }, async (req) =>
    reg.household(authOf(req), req.params.id),
  );
  r.patch('/api/registry/households/:id', { schema: { tags, summary: '修改贫困户', params: idParams, body: householdPatch, response: { 200: household } } }, async (req) =>
    reg.updateHousehold(authOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/registry/households/:id/incomes/:year',
    { schema: { tags, summary: '分项收入（元）', params: incomeParams, body: incomeItemsInput, response: { 200: household } } },
    async (req) => reg.saveIncome(authOf(req), req.params.id, req.params.year, req.body),
  );
  r.post(
    '/api/registry/households/:id/status',
    {
      schema: {
        tags,
        summary: '数据更正：直接变更状态（仅系统管理员；日常变更须办理动态调整程序）',
        params: idParams,
        body: statusChange,
        response: { 200: household },
      },
    },
    async (req) => reg.changeStatus(authOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/registry/trial/household',
    { schema: { tags, summary: '测算：按录入情况判断识别、脱贫、稳定脱贫（不保存）', body: trialHouseholdInput, response: { 200: trialHouseholdResult } } },
    async (req) => reg.trialHousehold(authOf(req), req.body),
  );
  r.post(
    '/api/registry/trial/village',
    { schema: { tags, summary: '测算：贫困村出列标准（不保存）', body: trialVillageInput, response: { 200: verdict } } },
    async (req) => {
      authOf(req);
      const { minCollectiveIncomeYuan, ...facts } = req.body;
      return reg.trialVillage(facts, { minCollectiveIncomeYuan });
    },
  );

  r.get(
    '/api/registry/statistics',
    { schema: { tags, summary: '统计（某地区及下级，截至某日）', querystring: statisticsQuery, response: { 200: statistics } } },
    async (req) => reg.statistics(authOf(req), req.query),
  );
}
