import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { benefitCatalog, benefitIdParams, benefitImportQuery, benefitImportResult, benefitTemplateQuery, householdBenefits } from '../../contract/benefits';
import { authOf, requirePermission } from '../auth/access';
import { readImportSheet } from '../http/import-sheet';
import { routeOptions } from '../http/route';
import { receiveFile } from '../http/upload';
import { sendXlsx } from '../http/xlsx';
import type { Services } from '../services';
import { BENEFIT_SHEET, buildBenefitTemplate } from './import-sheet';

/** 政策享受 (issue 15): the catalog, the department template and its import, and a household's benefits. */
export async function benefitsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.benefits;
  const doc = routeOptions(['benefits']);

  r.get('/api/benefits/catalog', doc.ok('政策享受：各部门发放的政策（类别、按人或按户、计入哪项收入）', benefitCatalog, { access: 'registry.read' }), async () => svc.catalog());

  r.get('/api/benefits/template.xlsx', doc.file('下载部门政策享受数据导入模板', '政策享受导入模板（.xlsx）', { querystring: benefitTemplateQuery, access: 'registry.write' }), async (req, reply) =>
    sendXlsx(reply, `${req.query.department ?? '部门'}政策享受导入模板.xlsx`, await buildBenefitTemplate(req.query.department)),
  );

  r.post(
    '/api/benefits/import',
    doc.ok('导入部门政策享受数据（本辖区建档立卡人员，整批校验，一行有错则全部不写入；同一部门、政策、年度、期间再次导入时替换该批）', benefitImportResult, { querystring: benefitImportQuery, access: 'registry.write' }),
    async (req) => {
      const auth = authOf(req);
      requirePermission(auth, 'registry.write');
      const file = await receiveFile(req, 'list', '请选择要上传的 .xlsx 文件');
      const rows = await readImportSheet(file.bytes, req.server.uploadLimits.list, BENEFIT_SHEET);
      const result = await svc.importRows(auth, req.query, rows);
      await services.audit.event(auth, 'upload', { what: '部门政策享受数据导入', rows: rows.length, file: file.fileName, created: result.created, department: req.query.department, region: req.query.region });
      return result;
    },
  );

  r.get('/api/benefits/households/:id', doc.ok('该户享受的政策（部门导入）', householdBenefits, { params: benefitIdParams, access: 'registry.read' }), async (req) => svc.household(authOf(req), req.params.id));
}
