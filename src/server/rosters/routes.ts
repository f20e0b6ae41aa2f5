/**
 * Issue 15 (rosters slice): the 花名册 as .xlsx (the print's data, ID numbers masked for a role that may not see them,
 * audited as an export), the 防返贫 list and the 扶贫手册“四个三” check.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { rosterParams, rosterQuery, townshipRosterParams } from '../../contract/print-lists';
import { handbookCheckResult, returnRiskPage, returnRiskQuery } from '../../contract/rosters';
import { idParams } from '../../contract/zod';
import { authOf } from '../auth/access';
import { routeOptions } from '../http/route';
import { sendXlsx } from '../http/xlsx';
import { auditPrint } from '../print/printed';
import type { Services } from '../services';
import { rosterXlsx } from './roster-xlsx';

export async function rostersRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const doc = routeOptions(['rosters']);
  const lists = services.printLists;

  r.get('/api/print/villages/:code/rosters/:kind.xlsx', doc.file('导出村花名册（.xlsx；含人口增减表、项目受益花名册；无权查看时身份证号脱敏）', '花名册（.xlsx）', { params: rosterParams, querystring: rosterQuery, access: 'registry.read' }), async (req, reply) => {
    const auth = authOf(req);
    const sheet = await lists.rosterData(auth, req.params.code, req.params.kind, req.query.year);
    await auditPrint(services.audit, auth, `${sheet.title}导出`, { region: req.params.code, rows: sheet.households.length });
    return sendXlsx(reply, `${sheet.title}.xlsx`, await rosterXlsx([sheet]));
  });

  r.get('/api/print/townships/:code/rosters/:kind.xlsx', doc.file('导出乡镇花名册（.xlsx，每村一个工作表）', '乡镇花名册（.xlsx）', { params: townshipRosterParams, querystring: rosterQuery, access: 'registry.read' }), async (req, reply) => {
    const auth = authOf(req);
    const { title, sheets } = await lists.townshipRosterData(auth, req.params.code, req.params.kind, req.query.year);
    await auditPrint(services.audit, auth, `${title}导出`, { region: req.params.code, rows: sheets.reduce((n, s) => n + s.households.length, 0) });
    return sendXlsx(reply, `${title}.xlsx`, await rosterXlsx(sheets));
  });

  r.get('/api/rosters/return-risks', doc.ok('防返贫监测：本辖区有返贫风险的脱贫户（本半年未回访、两不愁三保障未保障、收入低于扶贫标准），分页', returnRiskPage, { querystring: returnRiskQuery, access: 'registry.read' }), async (req) =>
    services.rosters.returnRisks(authOf(req), req.query),
  );

  r.get('/api/rosters/households/:id/handbook-check', doc.ok('扶贫手册“四个三”检查：基础信息、帮扶措施、帮扶成效缺少的内容', handbookCheckResult, { params: idParams, access: 'registry.read' }), async (req) =>
    services.rosters.handbookCheck(authOf(req), req.params.id),
  );
}
