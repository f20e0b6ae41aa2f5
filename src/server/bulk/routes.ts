import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordImportResult, userImportResult } from '../../contract/bulk-import';
import type { Permission } from '../../domain/auth/permissions';
import { type Auth, authOf, requirePermission } from '../auth/access';
import { buildUserTemplate, USER_SHEET } from '../auth/user-import-sheet';
import { readImportSheet, type ImportSheetSpec, type SheetRow } from '../http/import-sheet';
import { routeOptions } from '../http/route';
import { receiveFile } from '../http/upload';
import { sendXlsx } from '../http/xlsx';
import { buildMemberTemplate, MEMBER_SHEET } from '../members/import-sheet';
import { buildHelperTemplate, HELPER_SHEET } from '../pairing/helper-import-sheet';
import type { Services } from '../services';
import { ALLOCATION_SHEET, buildAllocationTemplate, buildPaymentTemplate, PAYMENT_SHEET } from '../funds/import-sheet';

/**
 * An upload of a template, all or nothing: the permission is checked before a byte is read (the route's access, and
 * here again), the file read in the parse worker within the limits of `accounts` uploads (5 MB, 5,000 rows), its rows
 * given to the owning service's `importRows`, and the upload recorded in the audit log as `what`.
 */
async function importUpload<K extends string, R extends { created: number }>(
  req: FastifyRequest,
  audit: Services['audit'],
  permission: Permission,
  spec: ImportSheetSpec<K>,
  what: string,
  importRows: (auth: Auth, rows: Array<SheetRow<K>>) => Promise<R>,
): Promise<R> {
  const auth = authOf(req);
  requirePermission(auth, permission);
  const file = await receiveFile(req, 'accounts', '请选择要上传的 .xlsx 文件');
  const rows = await readImportSheet(file.bytes, req.server.uploadLimits.accounts, spec);
  const result = await importRows(auth, rows);
  await audit.event(auth, 'upload', { what, rows: rows.length, file: file.fileName, created: result.created });
  return result;
}

/**
 * Bulk import of users, members and helpers from .xlsx (issue 11): a template each (the importer's offices and the
 * roles they may grant in its drop-downs), and an upload that is all or nothing, refused with every error by row and
 * column. Each owning service checks the rows with its own rules.
 */
export async function bulkImportRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const users = routeOptions(['users']);
  const members = routeOptions(['members']);
  const pairing = routeOptions(['pairing']);
  const funds = routeOptions(['funds']);

  r.get('/api/users/import/template.xlsx', users.file('下载用户批量导入模板（单位、角色为您管辖范围内的）', '用户批量导入模板（.xlsx）', { access: 'users.manage' }), async (req, reply) => {
    const choices = await services.auth.userImportChoices(authOf(req));
    return sendXlsx(reply, '用户批量导入模板.xlsx', await buildUserTemplate(choices.offices, choices.roleNames));
  });

  r.post('/api/users/import', users.ok('批量导入用户（整批校验，一行有错则全部不写入；初始密码只返回这一次，首次登录须修改）', userImportResult, { access: 'users.manage' }), async (req) =>
    importUpload(req, services.audit, 'users.manage', USER_SHEET, '用户批量导入', (auth, rows) => services.auth.importUsers(auth, rows)),
  );

  r.get('/api/members/import/template.xlsx', members.file('下载委员批量导入模板', '委员批量导入模板（.xlsx）', { access: 'members.manage' }), async (req, reply) => {
    const offices = await services.orgs.list(authOf(req));
    return sendXlsx(reply, '委员批量导入模板.xlsx', await buildMemberTemplate(offices));
  });

  r.post('/api/members/import', members.ok('批量导入委员（整批校验，一行有错则全部不写入）', recordImportResult, { access: 'members.manage' }), async (req) =>
    importUpload(req, services.audit, 'members.manage', MEMBER_SHEET, '委员批量导入', (auth, rows) => services.members.importMembers(auth, rows)),
  );

  r.get('/api/pairing/helpers/import/template.xlsx', pairing.file('下载帮扶责任人批量导入模板', '帮扶责任人批量导入模板（.xlsx）', { access: 'pairing.manage' }), async (_req, reply) =>
    sendXlsx(reply, '帮扶责任人批量导入模板.xlsx', await buildHelperTemplate()),
  );

  r.post('/api/pairing/helpers/import', pairing.ok('批量导入帮扶责任人（整批校验，一行有错则全部不写入；村级干部不能担任）', recordImportResult, { access: 'pairing.manage' }), async (req) =>
    importUpload(req, services.audit, 'pairing.manage', HELPER_SHEET, '帮扶责任人批量导入', (auth, rows) => services.pairing.importHelpers(auth, rows)),
  );

  r.get('/api/funds/allocations/import/template.xlsx', funds.file('下载扶贫资金下达批量导入模板', '扶贫资金下达批量导入模板（.xlsx）', { access: 'funds.manage' }), async (_req, reply) =>
    sendXlsx(reply, '扶贫资金下达导入模板.xlsx', await buildAllocationTemplate()),
  );

  r.post('/api/funds/allocations/import', funds.ok('批量导入扶贫资金下达（整批校验，一行有错则全部不写入）', recordImportResult, { access: 'funds.manage' }), async (req) =>
    importUpload(req, services.audit, 'funds.manage', ALLOCATION_SHEET, '扶贫资金下达导入', (auth, rows) => services.funds.importAllocations(auth, rows)),
  );

  r.get('/api/funds/payments/import/template.xlsx', funds.file('下载资金拨付批量导入模板', '资金拨付批量导入模板（.xlsx）', { access: 'funds.manage' }), async (_req, reply) =>
    sendXlsx(reply, '资金拨付导入模板.xlsx', await buildPaymentTemplate()),
  );

  r.post('/api/funds/payments/import', funds.ok('批量导入资金拨付（整批校验，一行有错则全部不写入）', recordImportResult, { access: 'funds.manage' }), async (req) =>
    importUpload(req, services.audit, 'funds.manage', PAYMENT_SHEET, '资金拨付导入', (auth, rows) => services.funds.importPayments(auth, rows)),
  );
}
