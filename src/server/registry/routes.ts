import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../auth/access';
import {
  bool,
  coercedInt,
  idNumber,
  idParam,
  idParams,
  int,
  isoDate,
  key,
  list,
  name,
  oneOf,
  optionalInt,
  page,
  pageSize,
  regionPrefix,
  SMALLINT_MAX,
  SMALLINT_MIN,
  smallInt,
  text,
} from '../../contract/zod';
import type { Services } from '../services';

const person = z.object({
  name: name(50),
  idNumber: idNumber(),
  relation: name(10),
  schooling: name(10).optional(),
  dropoutForPoverty: bool().optional(),
  health: name(10).optional(),
  disabilityGrade: smallInt().nullish(),
  labour: name(10),
  hasQualification: bool().optional(),
  workMonths: smallInt().optional(),
  workPlace: name(100).optional(),
  workIncome: int().optional(),
  medicalEligible: bool().optional(),
  medicalInsured: bool().optional(),
  seriousIllnessInsured: bool().optional(),
  pensionInsured: bool().optional(),
});
export const householdFields = {
  number: name(30),
  attribute: name(10),
  identifiedYear: smallInt(),
  identifiedOn: isoDate().optional(),
  mainCause: name(12),
  secondaryCauses: list(name(12), 20).optional(),
  housingSafe: bool().optional(),
  drinkingWaterSafe: bool().optional(),
  foodSecure: bool().optional(),
  clothingSecure: bool().optional(),
  persons: list(person, 100),
};
const money = int().optional();
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
  remainingPoor: int(0),
  certifiedPopulation: int(0),
  specialtyIndustries: int(0),
  collectiveIncomeYuan: int(0),
  infrastructureImproved: bool(),
  publicServicesImproved: bool(),
});
/** A village's collective income (a `bigint` column of yuan): bounded far inside it. */
const bigYuan = () => int(-1_000_000_000_000, 1_000_000_000_000);
const yearParam = () => coercedInt(SMALLINT_MIN, SMALLINT_MAX);

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
    { schema: { tags, summary: '设置扶贫标准', body: z.object({ year: smallInt(), scope: name(12), regionPrefix: name(12).optional(), yuan: int(), source: text(2000).optional() }) } },
    async (req) => ({ items: await reg.setLine(authOf(req), req.body) }),
  );
  r.delete('/api/registry/poverty-lines/:id', { schema: { tags, summary: '删除扶贫标准', params: idParams } }, async (req, reply) => {
    await reg.deleteLine(authOf(req), req.params.id);
    return reply.status(204).send();
  });

  const villageParams = z.object({ code: name(12) });
  const exitParams = z.object({ minCollectiveIncomeYuan: optionalInt });
  r.get('/api/registry/villages/:code', { schema: { tags, summary: '村情与出列检查', params: villageParams, querystring: exitParams } }, async (req) =>
    reg.village(authOf(req), req.params.code, { minCollectiveIncomeYuan: req.query.minCollectiveIncomeYuan }),
  );
  r.put(
    '/api/registry/villages/:code',
    {
      schema: {
        tags,
        summary: '保存村情',
        params: villageParams,
        body: z.object({
          poorVillage: bool(),
          identifiedYear: smallInt().nullish(),
          exited: bool(),
          exitYear: smallInt().nullish(),
          certifiedPopulation: int().nullish(),
          populationYear: smallInt().nullish(),
          specialtyIndustries: list(name(50), 50).optional(),
          facilities: z.record(key(), bool()).optional(),
          infrastructureImproved: bool().optional(),
          publicServicesImproved: bool().optional(),
          version: int().nullable(),
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
        params: z.object({ code: name(12), year: yearParam() }),
        body: z.object({ collectiveIncome: bigYuan().nullish(), plannedHouseholds: int().nullish(), plannedPersons: int().nullish() }),
      },
    },
    async (req) => reg.saveVillageYear(authOf(req), req.params.code, req.params.year, req.body),
  );

  r.get(
    '/api/registry/households',
    { schema: { tags, summary: '按姓名、身份证号或户编号查找贫困户', querystring: z.object({ region: regionPrefix().optional(), q: name(100).optional(), status: name(10).optional(), page, pageSize }) } },
    async (req) => reg.search(authOf(req), req.query),
  );
  r.post('/api/registry/households', { schema: { tags, summary: '建档立卡：新增贫困户及家庭成员', body: z.object({ villageCode: name(12), ...householdFields }) } }, async (req, reply) =>
    reply.status(201).send(await reg.createHousehold(authOf(req), req.body)),
  );
  r.get('/api/registry/households/:id', { schema: { tags, summary: '贫困户（扶贫手册）', params: idParams } }, async (req) => reg.household(authOf(req), req.params.id));
  r.patch(
    '/api/registry/households/:id',
    { schema: { tags, summary: '修改贫困户', params: idParams, body: z.object(householdFields).partial().extend({ version: int(), reason: text(2000).optional() }) } },
    async (req) => reg.updateHousehold(authOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/registry/households/:id/incomes/:year',
    { schema: { tags, summary: '分项收入（元）', params: z.object({ id: idParam(), year: yearParam() }), body: incomeItems } },
    async (req) => reg.saveIncome(authOf(req), req.params.id, req.params.year, req.body),
  );
  r.post(
    '/api/registry/households/:id/status',
    {
      schema: {
        tags,
        summary: '数据更正：直接变更状态（仅系统管理员；日常变更须办理动态调整程序）',
        params: idParams,
        body: z.object({ status: name(10), year: smallInt().nullish(), effectiveOn: isoDate().optional(), reason: text(2000), version: int() }),
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
          regionCode: name(12),
          year: smallInt(),
          status: name(10).optional(),
          attribute: name(10).optional(),
          income: z.object({
            wages: int(),
            business: int(),
            property: int(),
            transfer: z.object({ subsidies: int(), minimumLiving: int(), extremePoverty: int(), pension: int(), ecological: int(), other: int() }),
            businessCosts: int(),
            illnessCosts: int(),
            schoolingCosts: int(),
          }),
          householdSize: int(0, 1000),
          foodSecure: bool(),
          clothingSecure: bool(),
          housingSafe: bool(),
          drinkingWaterSafe: bool().optional(),
          members: list(
            z.object({
              name: name(50),
              schooling: oneOf(['学龄前', '在校', '已毕业', '辍学', '未上学']),
              dropoutForPoverty: bool().optional(),
              medicalEligible: bool(),
              medicalInsured: bool(),
            }),
            100,
          ),
        }),
      },
    },
    async (req) => reg.trialHousehold(authOf(req), req.body),
  );
  r.post(
    '/api/registry/trial/village',
    { schema: { tags, summary: '测算：贫困村出列标准（不保存）', body: villageFacts.extend({ minCollectiveIncomeYuan: int().optional() }) } },
    async (req) => {
      authOf(req);
      const { minCollectiveIncomeYuan, ...facts } = req.body;
      return reg.trialVillage(facts, { minCollectiveIncomeYuan });
    },
  );

  r.get(
    '/api/registry/statistics',
    { schema: { tags, summary: '统计（某地区及下级，截至某日）', querystring: z.object({ region: regionPrefix().optional(), asOf: isoDate().optional() }) } },
    async (req) => reg.statistics(authOf(req), req.query),
  );
}
