import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../auth/access';
import { idParams, page, pageSize } from '../http/zod';
import type { Services } from '../services';

const person = z.object({
  name: z.string(),
  idNumber: z.string(),
  relation: z.string(),
  schooling: z.string().optional(),
  dropoutForPoverty: z.boolean().optional(),
  health: z.string().optional(),
  disabilityGrade: z.number().int().nullish(),
  labour: z.string(),
  hasQualification: z.boolean().optional(),
  workMonths: z.number().int().optional(),
  workPlace: z.string().optional(),
  workIncome: z.number().int().optional(),
  medicalEligible: z.boolean().optional(),
  medicalInsured: z.boolean().optional(),
  seriousIllnessInsured: z.boolean().optional(),
  pensionInsured: z.boolean().optional(),
});
export const householdFields = {
  number: z.string(),
  attribute: z.string(),
  identifiedYear: z.number().int(),
  identifiedOn: z.string().optional(),
  mainCause: z.string(),
  secondaryCauses: z.array(z.string()).optional(),
  housingSafe: z.boolean().optional(),
  drinkingWaterSafe: z.boolean().optional(),
  foodSecure: z.boolean().optional(),
  clothingSecure: z.boolean().optional(),
  persons: z.array(person),
};
const money = z.number().int().optional();
const incomeItems = z.object({
  wages: money,
  business: money,
  property: money,
  subsidies: money,
  minimumLiving: money,
  extremePoverty: money,
  pension: money,
  ecological: money,
  otherTransfer: money,
  businessCosts: money,
  illnessCosts: money,
  schoolingCosts: money,
});
const villageFacts = z.object({
  remainingPoor: z.number().int().min(0),
  certifiedPopulation: z.number().int().min(0),
  specialtyIndustries: z.number().int().min(0),
  collectiveIncomeYuan: z.number().int().min(0),
  infrastructureImproved: z.boolean(),
  publicServicesImproved: z.boolean(),
});

export async function registryRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reg = services.registry;
  const tags = ['registry'];

  r.get('/api/registry/poverty-lines', { schema: { tags, summary: '扶贫标准（年度 × 国家/省/市）' } }, async (req) => {
    authOf(req);
    return { items: await reg.lines() };
  });
  r.put(
    '/api/registry/poverty-lines',
    { schema: { tags, summary: '设置扶贫标准', body: z.object({ year: z.number().int(), scope: z.string(), regionPrefix: z.string().optional(), yuan: z.number().int(), source: z.string().optional() }) } },
    async (req) => ({ items: await reg.setLine(authOf(req), req.body) }),
  );
  r.delete('/api/registry/poverty-lines/:id', { schema: { tags, summary: '删除扶贫标准', params: idParams } }, async (req, reply) => {
    await reg.deleteLine(authOf(req), req.params.id);
    return reply.status(204).send();
  });

  const villageParams = z.object({ code: z.string() });
  const exitParams = z.object({ minCollectiveIncomeYuan: z.coerce.number().int().optional() });
  r.get('/api/registry/villages/:code', { schema: { tags, summary: '村情与出列检查', params: villageParams, querystring: exitParams } }, async (req) =>
    reg.village(authOf(req), req.params.code, {
      maxIncidencePercent: 2,
      minSpecialtyIndustries: 1,
      minCollectiveIncomeYuan: req.query.minCollectiveIncomeYuan ?? 50000,
    }),
  );
  r.put(
    '/api/registry/villages/:code',
    {
      schema: {
        tags,
        summary: '保存村情',
        params: villageParams,
        body: z.object({
          poorVillage: z.boolean(),
          identifiedYear: z.number().int().nullish(),
          exited: z.boolean(),
          exitYear: z.number().int().nullish(),
          certifiedPopulation: z.number().int().nullish(),
          populationYear: z.number().int().nullish(),
          specialtyIndustries: z.array(z.string()).optional(),
          facilities: z.record(z.string(), z.boolean()).optional(),
          infrastructureImproved: z.boolean().optional(),
          publicServicesImproved: z.boolean().optional(),
          version: z.number().int().nullable(),
        }),
      },
    },
    async (req) => reg.saveVillage(authOf(req), req.params.code, req.body),
  );
  r.put(
    '/api/registry/villages/:code/years/:year',
    {
      schema: {
        tags,
        summary: '村集体经济收入与年度脱贫规划',
        params: z.object({ code: z.string(), year: z.coerce.number().int() }),
        body: z.object({ collectiveIncome: z.number().int().nullish(), plannedHouseholds: z.number().int().nullish(), plannedPersons: z.number().int().nullish() }),
      },
    },
    async (req) => reg.saveVillageYear(authOf(req), req.params.code, req.params.year, req.body),
  );

  r.get(
    '/api/registry/households',
    { schema: { tags, summary: '按姓名、身份证号或户编号查找贫困户', querystring: z.object({ region: z.string().optional(), q: z.string().optional(), status: z.string().optional(), page, pageSize }) } },
    async (req) => reg.search(authOf(req), req.query),
  );
  r.post('/api/registry/households', { schema: { tags, summary: '建档立卡：新增贫困户及家庭成员', body: z.object({ villageCode: z.string(), ...householdFields }) } }, async (req, reply) =>
    reply.status(201).send(await reg.createHousehold(authOf(req), req.body)),
  );
  r.get('/api/registry/households/:id', { schema: { tags, summary: '贫困户（扶贫手册）', params: idParams } }, async (req) => reg.household(authOf(req), req.params.id));
  r.patch(
    '/api/registry/households/:id',
    { schema: { tags, summary: '修改贫困户', params: idParams, body: z.object(householdFields).partial().extend({ version: z.number().int(), reason: z.string().optional() }) } },
    async (req) => reg.updateHousehold(authOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/registry/households/:id/incomes/:year',
    { schema: { tags, summary: '分项收入（元）', params: z.object({ id: z.coerce.number().int(), year: z.coerce.number().int() }), body: incomeItems } },
    async (req) => reg.saveIncome(authOf(req), req.params.id, req.params.year, req.body),
  );
  r.post(
    '/api/registry/households/:id/status',
    {
      schema: {
        tags,
        summary: '数据更正：直接变更状态（仅系统管理员；日常变更须办理动态调整程序）',
        params: idParams,
        body: z.object({ status: z.string(), year: z.number().int().nullish(), effectiveOn: z.string().optional(), reason: z.string(), version: z.number().int() }),
      },
    },
    async (req) => reg.changeStatus(authOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/registry/trial/household',
    {
      schema: {
        tags,
        summary: '测算：按录入情况判断识别、脱贫、稳定脱贫（不保存）',
        body: z.object({
          regionCode: z.string(),
          year: z.number().int(),
          status: z.string().optional(),
          attribute: z.string().optional(),
          income: z.object({
            wages: z.number().int(),
            business: z.number().int(),
            property: z.number().int(),
            transfer: z.object({ subsidies: z.number().int(), minimumLiving: z.number().int(), extremePoverty: z.number().int(), pension: z.number().int(), ecological: z.number().int(), other: z.number().int() }),
            businessCosts: z.number().int(),
            illnessCosts: z.number().int(),
            schoolingCosts: z.number().int(),
          }),
          householdSize: z.number().int().min(0),
          foodSecure: z.boolean(),
          clothingSecure: z.boolean(),
          housingSafe: z.boolean(),
          drinkingWaterSafe: z.boolean().optional(),
          members: z.array(
            z.object({
              name: z.string(),
              schooling: z.enum(['学龄前', '在校', '已毕业', '辍学', '未上学']),
              dropoutForPoverty: z.boolean().optional(),
              medicalEligible: z.boolean(),
              medicalInsured: z.boolean(),
            }),
          ),
        }),
      },
    },
    async (req) => reg.trialHousehold(authOf(req), req.body),
  );
  r.post(
    '/api/registry/trial/village',
    { schema: { tags, summary: '测算：贫困村出列标准（不保存）', body: villageFacts.extend({ minCollectiveIncomeYuan: z.number().int().optional() }) } },
    async (req) => {
      authOf(req);
      const { minCollectiveIncomeYuan, ...facts } = req.body;
      return reg.trialVillage(facts, minCollectiveIncomeYuan ? { minCollectiveIncomeYuan } : undefined);
    },
  );

  r.get(
    '/api/registry/statistics',
    { schema: { tags, summary: '统计（某地区及下级，截至某日）', querystring: z.object({ region: z.string().optional(), asOf: z.string().optional() }) } },
    async (req) => reg.statistics(authOf(req), req.query),
  );
}
