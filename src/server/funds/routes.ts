import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  allocation,
  allocationInput,
  allocationPage,
  allocationQuery,
  finding,
  findingInput,
  findingPage,
  findingQuery,
  findingUpdate,
  fundsIdParams,
  householdReceipts,
  payment,
  paymentInput,
  paymentPage,
  paymentQuery,
  performance,
  performanceQuery,
  progress,
  progressQuery,
  project,
  projectHouseholdsInput,
  projectInput,
  projectPage,
  projectQuery,
  sample,
  sampleInput,
  samples,
  type Allocation,
  type Payment,
  type ProjectItem,
} from '../../contract/funds';
import { authOf } from '../auth/access';
import { routeOptions } from '../http/route';
import { sendTableExport, type ExportColumn } from '../http/xlsx';
import type { Services } from '../services';

const YUAN = '#,##0';

const ALLOCATION_COLUMNS: ReadonlyArray<ExportColumn<Allocation>> = [
  { header: '年度', width: 8, cell: (a) => a.year },
  { header: '资金来源', width: 24, cell: (a) => a.sourceLabel },
  { header: '下达地区', width: 20, cell: (a) => a.region.name },
  { header: '地区代码', width: 14, cell: (a) => a.region.code },
  { header: '文号', width: 24, cell: (a) => a.documentNo },
  { header: '下达日期', width: 12, cell: (a) => a.allocatedOn },
  { header: '金额（元）', width: 14, cell: (a) => a.amount, numFmt: YUAN },
  { header: '下达下级（元）', width: 14, cell: (a) => a.passedDown, numFmt: YUAN },
  { header: '拨付项目（元）', width: 14, cell: (a) => a.paid, numFmt: YUAN },
  { header: '结余（元）', width: 14, cell: (a) => a.balance, numFmt: YUAN },
  { header: '备注', width: 30, cell: (a) => a.note },
];

const PROJECT_COLUMNS: ReadonlyArray<ExportColumn<ProjectItem>> = [
  { header: '年度', width: 8, cell: (p) => p.year },
  { header: '项目名称', width: 30, cell: (p) => p.name },
  { header: '所在村', width: 16, cell: (p) => p.village.name },
  { header: '村代码', width: 14, cell: (p) => p.village.code },
  { header: '项目类别', width: 10, cell: (p) => p.reachLabel },
  { header: '资金用途（正面清单）', width: 18, cell: (p) => p.useLabel },
  { header: '预算（元）', width: 14, cell: (p) => p.budget, numFmt: YUAN },
  { header: '已拨付（元）', width: 14, cell: (p) => p.paid, numFmt: YUAN },
  { header: '受益户数', width: 10, cell: (p) => p.households },
  { header: '审批状态', width: 16, cell: (p) => p.stageLabel },
  { header: '当前步骤', width: 12, cell: (p) => p.currentStep ?? '' },
];

const PAYMENT_COLUMNS: ReadonlyArray<ExportColumn<Payment>> = [
  { header: '拨付日期', width: 12, cell: (p) => p.paidOn },
  { header: '项目编号', width: 10, cell: (p) => p.projectId },
  { header: '资金编号', width: 10, cell: (p) => p.allocationId },
  { header: '资金年度', width: 10, cell: (p) => p.fundYear },
  { header: '资金来源', width: 24, cell: (p) => p.sourceLabel },
  { header: '金额（元）', width: 14, cell: (p) => p.amount, numFmt: YUAN },
  { header: '用途', width: 30, cell: (p) => p.purpose },
  { header: '凭证号', width: 16, cell: (p) => p.voucherNo },
  { header: '受益户编号', width: 12, cell: (p) => p.householdId },
];

/** 扶贫资金与项目库 (issue 14): allocations, projects and their households, payments, progress and points, findings, draws. */
export async function fundsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.funds;
  const doc = routeOptions(['funds']);

  r.get('/api/funds/allocations', doc.ok('扶贫资金下达列表（含下达下级、拨付项目和结余）', allocationPage, { querystring: allocationQuery, access: 'funds.read' }), async (req) => svc.allocations(authOf(req), req.query));
  r.get('/api/funds/allocations/export.xlsx', doc.file('导出扶贫资金下达', '扶贫资金下达（.xlsx）', { querystring: allocationQuery.omit({ page: true, pageSize: true }), access: 'funds.read' }), async (req, reply) =>
    sendTableExport(req, reply, services.audit, { fileName: '扶贫资金下达.xlsx', sheet: '资金下达', columns: ALLOCATION_COLUMNS, what: '扶贫资金下达导出' }, (auth) => svc.exportAllocations(auth, req.query)),
  );
  r.post('/api/funds/allocations', doc.created('下达扶贫资金（下级资金之和不超过上级资金）', allocation, { body: allocationInput, access: 'funds.manage' }), async (req) => svc.allocate(authOf(req), req.body));

  r.get('/api/funds/projects', doc.ok('扶贫项目库（按名称查找，按审批状态筛选）', projectPage, { querystring: projectQuery, access: 'funds.read' }), async (req) => svc.projects(authOf(req), req.query));
  r.get('/api/funds/projects/export.xlsx', doc.file('导出扶贫项目库', '扶贫项目库（.xlsx）', { querystring: projectQuery.omit({ page: true, pageSize: true }), access: 'funds.read' }), async (req, reply) =>
    sendTableExport(req, reply, services.audit, { fileName: '扶贫项目库.xlsx', sheet: '扶贫项目', columns: PROJECT_COLUMNS, what: '扶贫项目库导出' }, (auth) => svc.exportProjects(auth, req.query)),
  );
  r.post('/api/funds/projects', doc.created('申报扶贫项目（户申请、村申报，启动审批程序）', project, { body: projectInput, access: 'projects.declare' }), async (req) => svc.declare(authOf(req), req.body));
  r.get('/api/funds/projects/:id', doc.ok('扶贫项目：审批状态、受益户、拨付和审计问题', project, { params: fundsIdParams, access: 'funds.read' }), async (req) => svc.project(authOf(req), req.params.id));
  r.put('/api/funds/projects/:id/households', doc.ok('登记到户项目的受益户（本村建档立卡户）', project, { params: fundsIdParams, body: projectHouseholdsInput, access: 'projects.declare' }), async (req) =>
    svc.setHouseholds(authOf(req), req.params.id, req.body),
  );
  r.post('/api/funds/projects/:id/payments', doc.created('拨付资金到项目（到户项目拨付到户）', payment, { params: fundsIdParams, body: paymentInput, access: 'funds.manage' }), async (req) => svc.pay(authOf(req), req.params.id, req.body));

  r.get('/api/funds/payments', doc.ok('资金拨付列表', paymentPage, { querystring: paymentQuery, access: 'funds.read' }), async (req) => svc.payments(authOf(req), req.query));
  r.get('/api/funds/payments/export.xlsx', doc.file('导出资金拨付', '资金拨付（.xlsx）', { querystring: paymentQuery.omit({ page: true, pageSize: true }), access: 'funds.read' }), async (req, reply) =>
    sendTableExport(req, reply, services.audit, { fileName: '资金拨付.xlsx', sheet: '资金拨付', columns: PAYMENT_COLUMNS, what: '资金拨付导出' }, (auth) => svc.exportPayments(auth, req.query)),
  );
  r.get('/api/funds/households/:id/receipts', doc.ok('到户资金：拨付到该户的扶贫资金', householdReceipts, { params: fundsIdParams, access: 'funds.read' }), async (req) => svc.receipts(authOf(req), req.params.id));

  r.get('/api/funds/progress', doc.ok('资金支出进度（按下级地区或按县，截至某日）', progress, { querystring: progressQuery, access: 'funds.read' }), async (req) => svc.progress(authOf(req), req.query));
  r.get('/api/funds/performance', doc.ok('资金支出进度得分（7 + 3 + 2 分）', performance, { querystring: performanceQuery, access: 'funds.read' }), async (req) => svc.performance(authOf(req), req.query));

  r.get('/api/funds/findings', doc.ok('审计问题及整改', findingPage, { querystring: findingQuery, access: 'funds.read' }), async (req) => svc.findings(authOf(req), req.query));
  r.post('/api/funds/findings', doc.created('登记审计问题（项目或资金）', finding, { body: findingInput, access: 'funds.manage' }), async (req) => svc.addFinding(authOf(req), req.body));
  r.patch('/api/funds/findings/:id', doc.ok('更新整改情况', finding, { params: fundsIdParams, body: findingUpdate, access: 'funds.manage' }), async (req) => svc.updateFinding(authOf(req), req.params.id, req.body));

  r.get('/api/funds/samples', doc.ok('项目抽查记录', samples, { access: 'funds.read' }), async (req) => svc.samples(authOf(req)));
  r.post('/api/funds/samples', doc.created('随机抽取项目实地抽查（同一随机码可复现）', sample, { body: sampleInput, access: 'funds.manage' }), async (req) => svc.drawSample(authOf(req), req.body));
  r.get('/api/funds/samples/:id', doc.ok('一次项目抽查', sample, { params: fundsIdParams, access: 'funds.read' }), async (req) => svc.sample(authOf(req), req.params.id));
}
