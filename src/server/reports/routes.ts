import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  correction,
  correctionApprove,
  correctionCreate,
  correctionPage,
  correctionQuery,
  correctionReject,
  ownReport,
  ownReportQuery,
  report,
  reportApprove,
  reportPage,
  reportParams,
  reportQuery,
  reportReturn,
  reportSubmit,
} from '../../contract/reports';
import { authOf } from '../auth/access';
import { routeOptions } from '../http/route';
import type { Services } from '../services';

/** 年度报送 (issue 11): reports of a region's year figures, their approval, and correction requests for locked figures. */
export async function reportRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const doc = routeOptions(['reports']);
  const s = services.reports;

  r.get('/api/reports', doc.ok('年度报送（本辖区，按年度、地区、状态）', reportPage, { querystring: reportQuery, access: 'reports.submit' }), async (req) => s.list(authOf(req), req.query));
  r.get('/api/reports/own', doc.ok('本级某年度的报送与当前数据', ownReport, { querystring: ownReportQuery, access: 'reports.submit' }), async (req) => s.own(authOf(req), req.query.year));
  r.post('/api/reports', doc.created('报送本级年度数据（退回后重新报送）', report, { body: reportSubmit, access: 'reports.submit' }), async (req) => s.submit(authOf(req), req.body));
  r.get('/api/reports/corrections', doc.ok('更正申请（本辖区）', correctionPage, { querystring: correctionQuery, access: 'reports.submit' }), async (req) => s.corrections(authOf(req), req.query));
  r.post('/api/reports/corrections', doc.created('提出更正申请（已审核锁定的数据）', correction, { body: correctionCreate, access: 'reports.submit' }), async (req) => s.propose(authOf(req), req.body));
  r.post('/api/reports/corrections/:id/approve', doc.ok('批准更正申请（数据随即更正）', correction, { params: reportParams, body: correctionApprove, access: 'reports.approve' }), async (req) =>
    s.decideCorrection(authOf(req), req.params.id, 'approve', req.body),
  );
  r.post('/api/reports/corrections/:id/reject', doc.ok('驳回更正申请（须填写原因）', correction, { params: reportParams, body: correctionReject, access: 'reports.approve' }), async (req) =>
    s.decideCorrection(authOf(req), req.params.id, 'reject', req.body),
  );
  r.get('/api/reports/:id', doc.ok('一份年度报送', report, { params: reportParams, access: 'reports.submit' }), async (req) => s.get(authOf(req), req.params.id));
  r.post('/api/reports/:id/approve', doc.ok('审核通过（数据随即锁定）', report, { params: reportParams, body: reportApprove, access: 'reports.approve' }), async (req) =>
    s.decide(authOf(req), req.params.id, 'approve', req.body),
  );
  r.post('/api/reports/:id/return', doc.ok('退回报送（须填写原因）', report, { params: reportParams, body: reportReturn, access: 'reports.approve' }), async (req) =>
    s.decide(authOf(req), req.params.id, 'return', req.body),
  );
}
