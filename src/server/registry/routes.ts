import type { FastifyInstance, FastifyReply } from 'fastify';
import { changeRequest } from '../../contract/registry/change-requests';
import type { WriteOutcome } from './change-request-service';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../auth/access';
import { sendTableExport, type ExportColumn } from '../http/xlsx';
import { idParams } from '../../contract/zod';
import { household, householdCreate, householdHits, householdPatch, householdQuery, type HouseholdHit, incomeItemsInput, incomeParams, statusChange } from '../../contract/registry/households';
import { povertyLineInput, povertyLines, statistics, statisticsQuery, trialHouseholdInput, trialHouseholdResult, trialVillageInput } from '../../contract/registry/rules';
import { verdict } from '../../contract/registry/common';
import { village, villageExitQuery, villageInput, villageParams, villageYearInput, villageYearParams } from '../../contract/registry/villages';
import { routeOptions } from '../http/route';
import type { Services } from '../services';

/** A write's options that answer 200 with the household, or 202 with the change request that waits for approval. */
function orAccepted<O extends { schema: { response: Record<number, unknown> } }>(o: O): O {
  return { ...o, schema: { ...o.schema, response: { ...o.schema.response, 202: changeRequest } } };
}

/** The columns of 查找贫困户's export: what the list shows (no ID number: the list shows none). */
const HOUSEHOLD_COLUMNS: ReadonlyArray<ExportColumn<HouseholdHit>> = [
  { header: '所在村', width: 30, cell: (h) => h.villageName ?? h.villageCode },
  { header: '村级区划代码', width: 15, cell: (h) => h.villageCode },
  { header: '户编号', width: 10, cell: (h) => h.number },
  { header: '户主', width: 12, cell: (h) => h.head ?? '' },
  { header: '家庭人口', width: 8, cell: (h) => h.size },
  { header: '贫困户属性', width: 14, cell: (h) => h.attribute },
  { header: '主要致贫原因', width: 12, cell: (h) => h.mainCause },
  { header: '状态', width: 10, cell: (h) => h.status },
  { header: '状态年度', width: 8, cell: (h) => h.statusYear },
];
const householdExportQuery = householdQuery.omit({ page: true, pageSize: true, cursor: true });

/** The applicant's fields of a new-household procedure are the registry's (kept here for the procedures' routes). */

export async function registryRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reg = services.registry;
  const doc = routeOptions(['registry']);

  r.get('/api/registry/poverty-lines', doc.ok('扶贫标准（年度 × 国家/省/市）', povertyLines, { access: 'signedIn' }), async () => ({ items: await reg.lines() }));
  r.put('/api/registry/poverty-lines', doc.ok('设置扶贫标准', povertyLines, { body: povertyLineInput, access: 'lines.manage' }), async (req) => ({ items: await reg.setLine(authOf(req), req.body), }));
  r.delete('/api/registry/poverty-lines/:id', doc.empty('删除扶贫标准', { params: idParams, access: 'lines.manage' }), async (req, reply) => {
    await reg.deleteLine(authOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/registry/villages/:code', doc.ok('村情与出列检查', village, { params: villageParams, querystring: villageExitQuery, access: 'registry.read' }), async (req) =>

    reg.village(authOf(req), req.params.code, { minCollectiveIncomeYuan: req.query.minCollectiveIncomeYuan }),

  );
  r.put('/api/registry/villages/:code', doc.ok('保存村情', village, { params: villageParams, body: villageInput, access: 'registry.write' }), async (req) => reg.saveVillage(authOf(req), req.params.code, req.body));
  r.put('/api/registry/villages/:code/years/:year', doc.ok('村集体经济收入与年度脱贫规划', village, { params: villageYearParams, body: villageYearInput, access: 'registry.write' }), async (req) =>
    reg.saveVillageYear(authOf(req), req.params.code, req.params.year, req.body),
  );

  r.get('/api/registry/households/export.xlsx', doc.file('导出查找到的全部贫困户', '贫困户名单（.xlsx）', { querystring: householdExportQuery, access: 'registry.read' }), async (req, reply) =>
    sendTableExport(req, reply, services.audit, { fileName: '贫困户名单.xlsx', sheet: '贫困户', columns: HOUSEHOLD_COLUMNS, what: '贫困户名单导出', idNumbers: true }, (auth) => reg.exportSearch(auth, req.query)),
  );
  r.get('/api/registry/households', doc.ok('按姓名、身份证号或户编号查找贫困户（按 cursor 翻页）', householdHits, { querystring: householdQuery, access: 'registry.read' }), async (req) => reg.search(authOf(req), req.query));
  r.post('/api/registry/households', doc.created('建档立卡：新增贫困户及家庭成员', household, { body: householdCreate, access: 'registry.write' }), async (req) => reg.createHousehold(authOf(req), req.body));
  r.get('/api/registry/households/:id', doc.ok('贫困户（扶贫手册）', household, { params: idParams, access: 'registry.read' }), async (req) => reg.household(authOf(req), req.params.id));
  // Issue 11: a change that needs the township's approval answers 202 with the change request (nothing applied).
  const changes = services.changes;
  const answer = (reply: FastifyReply, o: WriteOutcome) => (o.applied ? o.household : reply.code(202).send(o.request));
  r.patch('/api/registry/households/:id', orAccepted(doc.ok('修改贫困户（须审核时答 202：已提交乡镇审核的变更申请）', household, { params: idParams, body: householdPatch, access: 'registry.write' })), async (req, reply) =>
    answer(reply, await changes.updateHousehold(authOf(req), req.params.id, req.body)),
  );
  r.put('/api/registry/households/:id/incomes/:year', orAccepted(doc.ok('分项收入（元；须审核时答 202：变更申请）', household, { params: incomeParams, body: incomeItemsInput, access: 'registry.write' })), async (req, reply) =>
    answer(reply, await changes.saveIncome(authOf(req), req.params.id, req.params.year, req.body)),
  );
  r.post('/api/registry/households/:id/status', doc.ok('数据更正：直接变更状态（仅系统管理员；日常变更须办理动态调整程序）', household, { params: idParams, body: statusChange, access: 'registry.correct' }), async (req) =>
    reg.changeStatus(authOf(req), req.params.id, req.body),
  );

  r.post('/api/registry/trial/household', doc.ok('测算：按录入情况判断识别、脱贫、稳定脱贫（不保存）', trialHouseholdResult, { body: trialHouseholdInput, access: 'registry.read' }), async (req) => reg.trialHousehold(authOf(req), req.body));
  r.post('/api/registry/trial/village', doc.ok('测算：贫困村出列标准（不保存）', verdict, { body: trialVillageInput, access: 'registry.read' }), async (req) => {
    const { minCollectiveIncomeYuan, ...facts } = req.body;
    return reg.trialVillage(facts, { minCollectiveIncomeYuan });
  });

  r.get('/api/registry/statistics', doc.ok('统计（某地区及下级，截至某日）', statistics, { querystring: statisticsQuery, access: 'registry.read' }), async (req) => reg.statistics(authOf(req), req.query));
}
