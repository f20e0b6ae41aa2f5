/**
 * How to call every route of the app (issue 9's scope matrix, issue 11's permission matrix): one line per route in
 * ROUTES, keyed `'METHOD /path'` exactly as Fastify registers it, that calls the route against county B's records
 * (美姑县; ids made by `makeCountyB` as `b.*`) as one of county A's (昭觉县) users. test/api/scope-matrix.test.ts checks
 * with them that A's roles never reach B's records; test/api/permission-matrix.test.ts that each role is refused
 * exactly the routes its permissions lack. What a line's `kind` means (the scope matrix's assertion):
 *   public   — reachable without a session (login, health, docs); not tried further.
 *   foreign  — names B's records (path, query or body): A's roles get 403 or 404 (or a 400 whose field error says
 *              the value is 不在您的管辖范围内, e.g. a row of an import), never B's data in the answer.
 *   list     — lists in the caller's own scope: 200 (or 403 for a role that may not list), none of B's rows.
 *   global   — reference data that is the same for everybody (codebook, regions, shipped schemes): any answer below
 *              500, none of B's data.
 *   own      — writes only into the caller's own scope (nothing in the request can name another): any answer below 500,
 *              none of B's data.
 *   self     — about the caller's own session (me, logout).
 *
 * HOW TO ADD A ROUTE: add one line to ROUTES (the scope matrix's failure message prints the key), e.g.
 *   'GET /api/things/:id': foreign((b) => ({ url: `/api/things/${b.thing}` })),
 * and, if the route works on a new kind of record, create one for county B in `makeCountyB` and read it back in
 * `snapshotOfB` (test/api/scope-matrix.test.ts). A line with `expect: [...]` widens the accepted statuses of a foreign
 * route; give the reason beside it. The call must pass the route's request schema: the permission matrix expects the
 * permission refusal, which comes after validation.
 */
import { entryBody, type Client, type TestApp } from './app';
import { householdBody, idNumber, member, XINCHENG_VILLAGE } from './registry';
import { householdCols, personCols, rosterWith } from './roster';
import { fillTemplate, templateWith } from './xlsx';
import { buildUserTemplate } from '../../src/server/auth/user-import-sheet';
import { buildMemberTemplate } from '../../src/server/members/import-sheet';
import { buildHelperTemplate } from '../../src/server/pairing/helper-import-sheet';
import { buildAllocationTemplate, buildPaymentTemplate } from '../../src/server/funds/import-sheet';
// issue 15: benefits
import { buildBenefitTemplate } from '../../src/server/benefits/import-sheet';
import type { OrgRow } from '../../src/server/orgs/repo';


/** County A (昭觉县) and county B (美姑县) of 凉山州. */
export const A_COUNTY = '513431000000';
export const B_COUNTY = '513436000000';
export const B_PREFIX = '513436';

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('签字页')]);

export interface FileUpload {
  content: Buffer;
  name: string;
  type: string;
}
export interface Call {
  url: string;
  payload?: unknown;
  file?: FileUpload;
}
export type Kind = 'public' | 'foreign' | 'list' | 'global' | 'own' | 'self';
export interface Line {
  kind: Kind;
  call?: (b: CountyB) => Call;
  /** Statuses accepted besides the kind's (foreign: 403/404), with the reason in a comment beside the line. */
  expect?: number[];
  /** Call with a session of its own (logout ends the session it is called with). */
  freshSession?: boolean;
  /** The status without a session when it is not 401. */
  anonymous?: number;
  /**
   * More calls of the same route, each tried like `call`: typically one of A's own records with one of B's ids inside
   * (A's household with B's helper), which must be refused the same way.
   */
  also?: Array<(b: CountyB) => Call & { expect?: number[] }>;
}

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const publicRoute: Line = { kind: 'public' };
const foreign = (call: (b: CountyB) => Call, more: Partial<Line> = {}): Line => ({ kind: 'foreign', call, ...more });
const list = (call: (b: CountyB) => Call): Line => ({ kind: 'list', call });
const global = (call: (b: CountyB) => Call): Line => ({ kind: 'global', call });
const own = (call: (b: CountyB) => Call): Line => ({ kind: 'own', call });
const self = (call: (b: CountyB) => Call, more: Partial<Line> = {}): Line => ({ kind: 'self', call, ...more });
const url = (u: string | ((b: CountyB) => string)) => (b: CountyB): Call => ({ url: typeof u === 'string' ? u : u(b) });
const body = (u: (b: CountyB) => string, payload: (b: CountyB) => unknown) => (b: CountyB): Call => ({ url: u(b), payload: payload(b) });
const file = (u: (b: CountyB) => string, f: (b: CountyB) => FileUpload) => (b: CountyB): Call => ({ url: u(b), file: f(b) });

/** One line per route: how to call it against county B's records. */
export const ROUTES: Record<string, Line> = {
  // --- system, docs, sessions --------------------------------------------------------------------------------------
  'GET /api/health': publicRoute,
  'GET /api/docs': publicRoute,
  'GET /api/docs/': publicRoute,
  'GET /api/docs/*': publicRoute,
  'GET /api/docs/json': publicRoute,
  'GET /api/docs/yaml': publicRoute,
  'GET /api/docs/static/index.html': publicRoute,
  'GET /api/docs/static/swagger-initializer.js': publicRoute,
  'POST /api/auth/login': publicRoute,
  'POST /api/auth/logout': self(url('/api/auth/logout'), { freshSession: true, anonymous: 204 }), // ending no session is harmless
  'GET /api/auth/me': self(url('/api/auth/me')),
  // A wrong current password: refused, and counted towards the caller's own lockout only.
  'POST /api/auth/change-password': self(body(() => '/api/auth/change-password', () => ({ currentPassword: 'Not-the-password-1', newPassword: 'Scope-matrix-2020!' }))),
  'GET /api/auth/sessions': self(url('/api/auth/sessions')),
  'DELETE /api/auth/sessions/:sessionId': foreign(url((b) => `/api/auth/sessions/${b.session}`)), // only one's own sessions: 404
  'GET /api/auth/tokens': self(url('/api/auth/tokens')),
  'POST /api/auth/tokens': self(body(() => '/api/auth/tokens', () => ({ name: '矩阵测试令牌', days: 1 }))),
  'DELETE /api/auth/tokens/:id': foreign(url((b) => `/api/auth/tokens/${b.token}`)), // only one's own tokens: 404
  // --- users ---------------------------------------------------------------------------------------------------------
  'GET /api/users': list(url('/api/users')),
  'POST /api/users': foreign(body(() => '/api/users', (b) => ({ username: 'scope-escalate', displayName: '越权用户', password: 'Pw-scope-2020!', role: 'org_admin', orgId: b.org })), {
    also: [body(() => '/api/users', (b) => ({ username: 'scope-escalate', displayName: '越权用户', password: 'Pw-scope-2020!', role: 'member', orgId: b.aOrg, memberId: b.member }))],
  }),
  'GET /api/users/import/template.xlsx': list(url('/api/users/import/template.xlsx')),
  // A row naming B's body by its 编号: a field error 不在您的管辖范围内, nothing written.
  'POST /api/users/import': foreign(file(() => '/api/users/import', (b) => ({ content: b.usersImportFile, name: 'users.xlsx', type: xlsxType }))),
  'PATCH /api/users/:id': foreign(body((b) => `/api/users/${b.user}`, () => ({ displayName: '越权改名' }))),
  'POST /api/users/:id/reset-password': foreign(body((b) => `/api/users/${b.user}/reset-password`, () => ({}))),
  'POST /api/users/:id/disable': foreign(url((b) => `/api/users/${b.user}/disable`)),
  'POST /api/users/:id/enable': foreign(url((b) => `/api/users/${b.user}/enable`)),
  'GET /api/users/:id/sessions': foreign(url((b) => `/api/users/${b.user}/sessions`)),
  'DELETE /api/users/:id/sessions': foreign(url((b) => `/api/users/${b.user}/sessions`)),
  'DELETE /api/users/:id/sessions/:sessionId': foreign(url((b) => `/api/users/${b.user}/sessions/${b.session}`)),
  // --- audit log -----------------------------------------------------------------------------------------------------
  'GET /api/audit': list(url('/api/audit')),
  'GET /api/audit/verify': global(url('/api/audit/verify')), // the system administrator's only: 403 for both roles of A
  // --- regions -------------------------------------------------------------------------------------------------------
  'GET /api/regions/deep-poverty-counties': global(url('/api/regions/deep-poverty-counties')),
  'PUT /api/regions/deep-poverty-counties/:countyCode': foreign(body(() => `/api/regions/deep-poverty-counties/${B_PREFIX}`, () => ({ note: '越权' }))),
  'DELETE /api/regions/deep-poverty-counties/:countyCode': foreign(url(`/api/regions/deep-poverty-counties/${B_PREFIX}`)),
  'GET /api/regions/search': global(url(`/api/regions/search?q=${encodeURIComponent('美姑')}`)),
  'GET /api/regions/:code': global(url((b) => `/api/regions/${b.village}`)),
  'GET /api/regions/:code/children': global(url(`/api/regions/${B_COUNTY}/children`)),
  // --- bodies and members --------------------------------------------------------------------------------------------
  'GET /api/orgs': list(url('/api/orgs')),
  'POST /api/orgs': foreign(body(() => '/api/orgs', (b) => ({ parentId: b.org, name: '越权下级单位', kind: '政协', level: '乡', regionCode: b.town })), {
    also: [body(() => '/api/orgs', (b) => ({ parentId: b.aOrg, name: '越权下级单位', kind: '政协', level: '乡', regionCode: b.town }))],
  }),
  'GET /api/orgs/:id': foreign(url((b) => `/api/orgs/${b.org}`)),
  'PATCH /api/orgs/:id': foreign(body((b) => `/api/orgs/${b.subOrg}`, (b) => ({ name: '改名', version: b.subOrgVersion })), {
    also: [body((b) => `/api/orgs/${b.aSubOrg}`, (b) => ({ regionCode: b.town, version: b.aSubOrgVersion })), body((b) => `/api/orgs/${b.aOrg}`, (b) => ({ regionCode: B_COUNTY, version: b.aOrgVersion }))],
  }),
  'DELETE /api/orgs/:id': foreign(url((b) => `/api/orgs/${b.subOrg}`)),
  'GET /api/orgs/:id/history': foreign(url((b) => `/api/orgs/${b.org}/history`)),
  'GET /api/members': list(url(`/api/members?q=${encodeURIComponent('贝莫委员')}`)),
  'POST /api/members': foreign(body(() => '/api/members', (b) => ({ orgId: b.org, name: '越权委员' }))),
  'GET /api/members/import/template.xlsx': list(url('/api/members/import/template.xlsx')),
  // A row naming B's body by its 编号: a field error 不在您的管辖范围内, nothing written.
  'POST /api/members/import': foreign(file(() => '/api/members/import', (b) => ({ content: b.membersImportFile, name: 'members.xlsx', type: xlsxType }))),
  'GET /api/members/:id': foreign(url((b) => `/api/members/${b.member}`)),
  'PATCH /api/members/:id': foreign(body((b) => `/api/members/${b.member}`, (b) => ({ name: '改名', version: b.memberVersion }))),
  'GET /api/members/:id/history': foreign(url((b) => `/api/members/${b.member}/history`)),
  // --- ledger --------------------------------------------------------------------------------------------------------
  'GET /api/ledger/codebook': global(url('/api/ledger/codebook')),
  'GET /api/ledger/entries': list(url(`/api/ledger/entries?q=${encodeURIComponent('乙县专有事项')}`)),
  'POST /api/ledger/entries': foreign(body(() => '/api/ledger/entries', (b) => entryBody(b.org, { target: { kind: 'text', text: '越权事项' } })), {
    // A's body with B's member: a field error that names the member by number only.
    also: [(b) => ({ url: '/api/ledger/entries', payload: entryBody(b.aOrg, { memberIds: [b.member], target: { kind: 'text', text: '越权事项' } }), expect: [400] })],
  }),
  'GET /api/ledger/entries/:id': foreign(url((b) => `/api/ledger/entries/${b.entry}`)),
  'PATCH /api/ledger/entries/:id': foreign(body((b) => `/api/ledger/entries/${b.entry}`, (b) => ({ version: b.entryVersion, content: '改掉' })), {
    also: [body((b) => `/api/ledger/entries/${b.aEntry}`, (b) => ({ version: b.aEntryVersion, orgId: b.org }))],
  }),
  'DELETE /api/ledger/entries/:id': foreign(url((b) => `/api/ledger/entries/${b.entry}?version=${b.entryVersion}`)),
  'GET /api/ledger/entries/:id/history': foreign(url((b) => `/api/ledger/entries/${b.entry}/history`)),
  'GET /api/ledger/export.xlsx': foreign(url((b) => `/api/ledger/export.xlsx?orgId=${b.org}`)),
  'GET /api/ledger/summary': foreign(url((b) => `/api/ledger/summary?orgId=${b.org}&yearFrom=2019&yearTo=2019`)),
  'GET /api/ledger/summary/members': foreign(url((b) => `/api/ledger/summary/members?orgId=${b.org}&yearFrom=2019`)),
  'GET /api/ledger/summary.xlsx': foreign(url((b) => `/api/ledger/summary.xlsx?orgId=${b.org}&yearFrom=2019`)),
  'GET /api/ledger/template.xlsx': global(url('/api/ledger/template.xlsx')),
  'POST /api/ledger/import': foreign(file((b) => `/api/ledger/import?orgId=${b.org}`, (b) => ({ content: b.ledgerFile, name: 'import.xlsx', type: xlsxType }))),
  // --- registry ------------------------------------------------------------------------------------------------------
  'GET /api/registry/poverty-lines': global(url('/api/registry/poverty-lines')),
  'PUT /api/registry/poverty-lines': foreign(body(() => '/api/registry/poverty-lines', () => ({ year: 2020, scope: 'municipal', regionPrefix: '5134', yuan: 99999 }))),
  'DELETE /api/registry/poverty-lines/:id': foreign(url((b) => `/api/registry/poverty-lines/${b.povertyLine}`)),
  'GET /api/registry/villages/:code': foreign(url((b) => `/api/registry/villages/${b.village}`)),
  'PUT /api/registry/villages/:code': foreign(body((b) => `/api/registry/villages/${b.village}`, () => ({ poorVillage: true, exited: true, exitYear: 2019, version: null }))),
  'PUT /api/registry/villages/:code/years/:year': foreign(body((b) => `/api/registry/villages/${b.village}/years/2019`, () => ({ collectiveIncome: 1 }))),
  'GET /api/registry/villages/:code/overview.xlsx': foreign(url((b) => `/api/registry/villages/${b.village}/overview.xlsx`)),
  'GET /api/registry/households': list(url((b) => `/api/registry/households?q=${b.idNumbers[0]}`)),
  'GET /api/registry/households/export.xlsx': foreign(url(`/api/registry/households/export.xlsx?region=${B_COUNTY}`)),
  'POST /api/registry/households': foreign(body(() => '/api/registry/households', (b) => householdBody(b.village, 'YX9999', [member('越权户主', idNumber('19850505', '315', B_PREFIX), '户主')]))),
  'GET /api/registry/households/:id': foreign(url((b) => `/api/registry/households/${b.household}`)),
  'PATCH /api/registry/households/:id': foreign(body((b) => `/api/registry/households/${b.household}`, (b) => ({ version: b.householdVersion, mainCause: '缺资金' }))),
  'PUT /api/registry/households/:id/incomes/:year': foreign(body((b) => `/api/registry/households/${b.household}/incomes/2019`, () => ({ wages: 1 }))),
  'POST /api/registry/households/:id/status': foreign(body((b) => `/api/registry/households/${b.household}/status`, (b) => ({ status: '清退', reason: '越权', version: b.householdVersion }))),
  'POST /api/registry/trial/household': foreign(body(() => '/api/registry/trial/household', (b) => trialHousehold(b.village))),
  'POST /api/registry/trial/village': global(body(() => '/api/registry/trial/village', () => ({ remainingPoor: 0, certifiedPopulation: 100, specialtyIndustries: 1, collectiveIncomeYuan: 60000, infrastructureImproved: true, publicServicesImproved: true }))),
  // 户情变更审批 (issue 11): B's change request, proposed by B's village clerk.
  'GET /api/registry/change-requests/rules': foreign(url(`/api/registry/change-requests/rules?region=${B_COUNTY}`)),
  'PUT /api/registry/change-requests/rules': foreign(body(() => '/api/registry/change-requests/rules', () => ({ region: B_COUNTY, items: [{ kind: 'facts', required: false }] }))),
  'GET /api/registry/change-requests': list(url('/api/registry/change-requests')),
  'GET /api/registry/change-requests/:id': foreign(url((b) => `/api/registry/change-requests/${b.changeRequest}`)),
  'POST /api/registry/change-requests/:id/approve': foreign(url((b) => `/api/registry/change-requests/${b.changeRequest}/approve`)),
  'POST /api/registry/change-requests/:id/return': foreign(body((b) => `/api/registry/change-requests/${b.changeRequest}/return`, () => ({ reason: '越权退回' }))),
  'POST /api/registry/change-requests/:id/reject': foreign(body((b) => `/api/registry/change-requests/${b.changeRequest}/reject`, () => ({ reason: '越权驳回' }))),
  'POST /api/registry/change-requests/:id/withdraw': foreign(url((b) => `/api/registry/change-requests/${b.changeRequest}/withdraw`)),
  'POST /api/registry/change-requests/:id/resubmit': foreign(body((b) => `/api/registry/change-requests/${b.changeRequest}/resubmit`, () => ({}))),
  'GET /api/registry/statistics': foreign(url(`/api/registry/statistics?region=${B_COUNTY}`)),
  'GET /api/wall/townships/:code': foreign(url((b) => `/api/wall/townships/${b.town}`)),
  'GET /api/wall/villages/:code': foreign(url((b) => `/api/wall/villages/${b.village}`)),
  'GET /api/registry/roster/template.xlsx': global(url('/api/registry/roster/template.xlsx')),
  'POST /api/registry/roster/import': foreign(file(() => '/api/registry/roster/import', (b) => ({ content: b.rosterFile, name: 'roster.xlsx', type: xlsxType }))),
  // The job is accepted once the file reads (202): the scope is checked by the job, whose failure the snapshot confirms.
  'POST /api/registry/roster/import-jobs': foreign(file(() => '/api/registry/roster/import-jobs', (b) => ({ content: b.rosterFile, name: 'roster.xlsx', type: xlsxType })), { expect: [202] }),
  'GET /api/registry/roster/import-jobs/:id': foreign(url((b) => `/api/registry/roster/import-jobs/${b.importJob}`)),
  'POST /api/registry/roster/import-batches': foreign(file(() => '/api/registry/roster/import-batches?mode=check', (b) => ({ content: b.rosterFile, name: 'roster.xlsx', type: xlsxType })), { expect: [202] }),
  'GET /api/registry/roster/import-batches/:id': foreign(url((b) => `/api/registry/roster/import-batches/${b.batchJob}`)),
  'GET /api/registry/roster/export.xlsx': foreign(url(`/api/registry/roster/export.xlsx?region=${B_COUNTY}`)),
  // --- procedures ----------------------------------------------------------------------------------------------------
  // --- funds and projects (issue 14) ----------------------------------------------------------------------------------
  'GET /api/funds/allocations': list(url('/api/funds/allocations')),
  'GET /api/funds/allocations/export.xlsx': foreign(url(`/api/funds/allocations/export.xlsx?region=${B_COUNTY}`)),
  'POST /api/funds/allocations': foreign(body(() => '/api/funds/allocations', () => ({ year: 2020, source: 'county', regionCode: B_COUNTY, amount: 1, documentNo: '越权', allocatedOn: '2020-02-01' })), {
    // A's county from B's allocation: B's allocation is not on A's line (404).
    also: [body(() => '/api/funds/allocations', (b) => ({ year: 2020, source: 'county', regionCode: A_COUNTY, parentId: b.fundAllocation, amount: 1, documentNo: '越权', allocatedOn: '2020-02-01' }))],
  }),
  'GET /api/funds/allocations/import/template.xlsx': list(url('/api/funds/allocations/import/template.xlsx')),
  // A row allocating to B's county: a field error 不在您的管辖范围内, nothing written.
  'POST /api/funds/allocations/import': foreign(file(() => '/api/funds/allocations/import', (b) => ({ content: b.fundAllocationsFile, name: 'allocations.xlsx', type: xlsxType }))),
  'GET /api/funds/projects': list(url(`/api/funds/projects?q=${encodeURIComponent('乙村种羊到户')}`)),
  'GET /api/funds/projects/export.xlsx': foreign(url(`/api/funds/projects/export.xlsx?region=${B_COUNTY}`)),
  'POST /api/funds/projects': foreign(body(() => '/api/funds/projects', (b) => ({ year: 2020, name: '越权项目', villageCode: b.village, reach: 'village', use: 'industry', content: '越权', budget: 1 })), {
    // A's village with B's household: a field error naming the household by its id only.
    also: [(b) => ({ url: '/api/funds/projects', payload: { year: 2020, name: '越权项目', villageCode: XINCHENG_VILLAGE, reach: 'household', use: 'industry', content: '越权', budget: 1, householdIds: [b.household2] }, expect: [400] })],
  }),
  'GET /api/funds/projects/:id': foreign(url((b) => `/api/funds/projects/${b.project}`)),
  'PUT /api/funds/projects/:id/households': foreign(body((b) => `/api/funds/projects/${b.project}/households`, (b) => ({ householdIds: [], version: b.projectVersion }))),
  'POST /api/funds/projects/:id/payments': foreign(body((b) => `/api/funds/projects/${b.project}/payments`, (b) => ({ allocationId: b.fundAllocation, paidOn: '2020-06-01', amount: 1, purpose: '越权', voucherNo: 'X', householdId: b.household2 }))),
  'GET /api/funds/payments': list(url('/api/funds/payments')),
  'GET /api/funds/payments/export.xlsx': foreign(url(`/api/funds/payments/export.xlsx?region=${B_COUNTY}`)),
  'GET /api/funds/payments/import/template.xlsx': list(url('/api/funds/payments/import/template.xlsx')),
  // A row paying B's project: a field error naming the project by its number only (项目不存在), nothing written.
  'POST /api/funds/payments/import': foreign(file(() => '/api/funds/payments/import', (b) => ({ content: b.fundPaymentsFile, name: 'payments.xlsx', type: xlsxType })), { expect: [400] }),
  'GET /api/funds/households/:id/receipts': foreign(url((b) => `/api/funds/households/${b.household2}/receipts`)),
  'GET /api/funds/progress': foreign(url(`/api/funds/progress?region=${B_COUNTY}&year=2020`)),
  'GET /api/funds/performance': foreign(url(`/api/funds/performance?region=${B_COUNTY}&year=2020`)),
  'GET /api/funds/findings': list(url('/api/funds/findings')),
  'POST /api/funds/findings': foreign(body(() => '/api/funds/findings', (b) => ({ projectId: b.project, foundOn: '2020-05-01', foundBy: '越权', problem: '越权', deadline: '2020-06-01' }))),
  'PATCH /api/funds/findings/:id': foreign(body((b) => `/api/funds/findings/${b.finding}`, (b) => ({ state: 'rectifying', version: b.findingVersion }))),
  'GET /api/funds/samples': list(url('/api/funds/samples')),
  'POST /api/funds/samples': foreign(body(() => '/api/funds/samples', () => ({ region: B_COUNTY, year: 2020, count: 1, drawKey: '越权' }))),
  'GET /api/funds/samples/:id': foreign(url((b) => `/api/funds/samples/${b.sample}`)),
  // --- procedures ----------------------------------------------------------------------------------------------------
  'GET /api/procedures/definitions': global(url('/api/procedures/definitions')),
  'PUT /api/procedures/definitions/:kind': foreign(body(() => '/api/procedures/definitions/removal', () => ({ regionPrefix: '51', steps: [] }))),
  'GET /api/procedures': list(url((b) => `/api/procedures?householdId=${b.household}`)),
  'GET /api/procedures/export.xlsx': foreign(url(`/api/procedures/export.xlsx?region=${B_COUNTY}`)),
  'POST /api/procedures': foreign(body(() => '/api/procedures', (b) => ({ kind: 'removal', householdId: b.household2 })), {
    also: [body(() => '/api/procedures', (b) => ({ kind: 'identification', applicant: householdBody(b.village, 'YX9998', [member('越权申请人', idNumber('19860606', '426', B_PREFIX), '户主')]) }))],
  }),
  'GET /api/procedures/:id': foreign(url((b) => `/api/procedures/${b.procedure}`)),
  'POST /api/procedures/:id/actions': foreign(body((b) => `/api/procedures/${b.procedure}/actions`, (b) => ({ type: 'withdraw', reason: '越权', version: b.procedureVersion }))),
  'POST /api/procedures/:id/attachments': foreign(file((b) => `/api/procedures/${b.procedure}/attachments`, () => ({ content: PNG, name: '越权.png', type: 'image/png' }))),
  'GET /api/procedures/attachments/:id': foreign(url((b) => `/api/procedures/attachments/${b.attachment}`)),
  'GET /api/procedures/:id/certificate': foreign(url((b) => `/api/procedures/${b.procedure}/certificate`)),
  // --- printed lists and notices (issue 12) ---------------------------------------------------------------------------
  'GET /api/print/villages/:code/overview.pdf': foreign(url((b) => `/api/print/villages/${b.village}/overview.pdf`)),
  'GET /api/print/villages/:code/rosters/:kind.pdf': foreign(url((b) => `/api/print/villages/${b.village}/rosters/exited.pdf?year=2019`)),
  'GET /api/print/townships/:code/rosters/:kind.pdf': foreign(url((b) => `/api/print/townships/${b.town}/rosters/poor.pdf`)),
  'GET /api/print/procedures/:id/confirmation.pdf': foreign(url((b) => `/api/print/procedures/${b.procedure}/confirmation.pdf`)),
  'GET /api/print/procedures/:id/notice.pdf': foreign(url((b) => `/api/print/procedures/${b.procedure}/notice.pdf`)),
  'GET /api/print/procedures/:id/notice.docx': foreign(url((b) => `/api/print/procedures/${b.procedure}/notice.docx?step=2`)),
  // --- pairing -------------------------------------------------------------------------------------------------------
  'GET /api/pairing/helpers': list(url(`/api/pairing/helpers?q=${encodeURIComponent('贝帮扶干部')}`)),
  'GET /api/pairing/helpers/export.xlsx': foreign(url(`/api/pairing/helpers/export.xlsx?region=${B_COUNTY}`)),
  'GET /api/pairing/helpers/import/template.xlsx': global(url('/api/pairing/helpers/import/template.xlsx')),
  // A row naming B's region: a field error 不在您的管辖范围内, nothing written.
  'POST /api/pairing/helpers/import': foreign(file(() => '/api/pairing/helpers/import', (b) => ({ content: b.helpersImportFile, name: 'helpers.xlsx', type: xlsxType }))),
  'POST /api/pairing/helpers': foreign(body(() => '/api/pairing/helpers', () => ({ name: '越权干部', unit: '美姑县人民政府', kind: 'cadre', level: '县', regionCode: B_COUNTY }))),
  'GET /api/pairing/helpers/:id': foreign(url((b) => `/api/pairing/helpers/${b.helper}`)),
  'PATCH /api/pairing/helpers/:id': foreign(body((b) => `/api/pairing/helpers/${b.helper}`, (b) => ({ phone: '0834-0000000', version: b.helperVersion }))),
  'GET /api/pairing/households/:id': foreign(url((b) => `/api/pairing/households/${b.household}`)),
  'POST /api/pairing/households/:id/assignments': foreign(body((b) => `/api/pairing/households/${b.household2}/assignments`, (b) => ({ helperId: b.helper })), {
    also: [body((b) => `/api/pairing/households/${b.aHousehold}/assignments`, (b) => ({ helperId: b.helper }))],
  }),
  'POST /api/pairing/assignments/:id/end': foreign(body((b) => `/api/pairing/assignments/${b.assignment}/end`, () => ({ reason: '越权' }))),
  'POST /api/pairing/assignments/:id/replace': foreign(body((b) => `/api/pairing/assignments/${b.assignment}/replace`, (b) => ({ helperId: b.helper, reason: '越权' }))),
  'GET /api/pairing/households-without-helper': foreign(url(`/api/pairing/households-without-helper?region=${B_COUNTY}`)),
  'POST /api/pairing/households/:id/visits': foreign(body((b) => `/api/pairing/households/${b.household}/visits`, (b) => ({ kind: '帮扶走访', helperId: b.helper, content: '越权走访' })), {
    // A's household with B's helper: the helper is checked against the household's own helpers (a field error).
    also: [(b) => ({ url: `/api/pairing/households/${b.aHousehold}/visits`, payload: { kind: '帮扶走访', helperId: b.helper, content: '越权走访' }, expect: [400] })],
  }),
  'POST /api/pairing/visits/:id/signatures': foreign(file((b) => `/api/pairing/visits/${b.visit}/signatures`, () => ({ content: PNG, name: '越权.png', type: 'image/png' }))),
  'GET /api/pairing/signatures/:id': foreign(url((b) => `/api/pairing/signatures/${b.signature}`)),
  'GET /api/pairing/visits/missing': foreign(url(`/api/pairing/visits/missing?region=${B_COUNTY}`)),
  'GET /api/pairing/leader-villages': foreign(url((b) => `/api/pairing/leader-villages?orgId=${b.org}`)),
  'POST /api/pairing/leader-villages': foreign(body(() => '/api/pairing/leader-villages', (b) => ({ kind: '领导联系村', orgId: b.org, memberId: b.member, villageCode: b.village, fromOn: '2019-01-01' })), {
    // A's body with B's member: a field error that names the member by number only.
    also: [
      (b) => ({ url: '/api/pairing/leader-villages', payload: { kind: '领导联系村', orgId: b.aOrg, memberId: b.member, villageCode: XINCHENG_VILLAGE, fromOn: '2019-01-01' }, expect: [400] }),
      // A's body linked to B's village: B's administrator would see it (and A's names) among B's villages' links.
      body(() => '/api/pairing/leader-villages', (b) => ({ kind: '机关定点帮扶村', orgId: b.aOrg, villageCode: b.village, fromOn: '2019-01-01' })),
    ],
  }),
  'PATCH /api/pairing/leader-villages/:id': foreign(body((b) => `/api/pairing/leader-villages/${b.leaderVillage}`, () => ({ toOn: '2019-12-31' }))),
  'DELETE /api/pairing/leader-villages/:id': foreign(url((b) => `/api/pairing/leader-villages/${b.leaderVillage}`)),
  // --- quality -------------------------------------------------------------------------------------------------------
  'GET /api/quality/checks': global(url('/api/quality/checks')),
  'GET /api/quality/checks/:key/export.xlsx': foreign(url((b) => `/api/quality/checks/${b.qualityCheck}/export.xlsx?region=${B_COUNTY}`)),
  'GET /api/quality/checks/:key': foreign(url((b) => `/api/quality/checks/${b.qualityCheck}?region=${B_COUNTY}`)),
  'POST /api/quality/runs': foreign(body(() => '/api/quality/runs', () => ({ region: B_COUNTY }))),
  'GET /api/quality/latest': foreign(url(`/api/quality/latest?region=${B_COUNTY}`)),
  'GET /api/quality/households/:id/handbook': foreign(url((b) => `/api/quality/households/${b.household}/handbook`)),
  'POST /api/quality/households/:id/handbook': foreign(body((b) => `/api/quality/households/${b.household}/handbook`, () => ({ year: 2019, persons: 9, perCapita: 1 }))),
  // --- comparison ----------------------------------------------------------------------------------------------------
  'GET /api/compare/departments': global(url('/api/compare/departments')),
  'POST /api/compare/lists/preview': own(file(() => '/api/compare/lists/preview', () => ({ content: Buffer.from('姓名,身份证号\n某某,110101199003077777\n'), name: 'x.csv', type: 'text/csv' }))),
  // A list is always stored under the importer's own region: nothing in the request can name another.
  'POST /api/compare/lists': own(file(() => `/api/compare/lists?name=${encodeURIComponent('甲县名单')}&department=${encodeURIComponent('其他')}`, () => ({ content: Buffer.from(`姓名,身份证号\n某某,${idNumber('19900307', '771', '513431')}\n`), name: 'x.csv', type: 'text/csv' }))),
  'GET /api/compare/lists': list(url('/api/compare/lists')),
  'GET /api/compare/lists/:id': foreign(url((b) => `/api/compare/lists/${b.list}`)),
  'GET /api/compare/lists/:id/rows': foreign(url((b) => `/api/compare/lists/${b.list}/rows`)),
  'DELETE /api/compare/lists/:id': foreign(url((b) => `/api/compare/lists/${b.list}`)),
  'POST /api/compare/runs': foreign(body(() => '/api/compare/runs', (b) => ({ region: B_COUNTY, listIds: [b.list] })), { also: [body(() => '/api/compare/runs', (b) => ({ listIds: [b.list] }))] }),
  'POST /api/compare/procedures/:id/runs': foreign(body((b) => `/api/compare/procedures/${b.procedure}/runs`, (b) => ({ listIds: [b.list] })), {
    also: [body((b) => `/api/compare/procedures/${b.aProcedure}/runs`, (b) => ({ listIds: [b.list] }))],
  }),
  'GET /api/compare/runs': list(url('/api/compare/runs')),
  'GET /api/compare/runs/:id': foreign(url((b) => `/api/compare/runs/${b.run}`)),
  'GET /api/compare/runs/:id/villages': foreign(url((b) => `/api/compare/runs/${b.run}/villages`)),
  'GET /api/compare/runs/:id/hits': foreign(url((b) => `/api/compare/runs/${b.run}/hits`)),
  'GET /api/compare/hits/:id': foreign(url((b) => `/api/compare/hits/${b.hit}`)),
  'POST /api/compare/hits/:id/decision': foreign(body((b) => `/api/compare/hits/${b.hit}/decision`, () => ({ decision: '不属实', outcome: '越权', expectedDecidedAt: null }))),
  // --- assessment ----------------------------------------------------------------------------------------------------
  'GET /api/assessment/schemes': global(url('/api/assessment/schemes')),
  'GET /api/assessment/schemes/:id': global(url((b) => `/api/assessment/schemes/${b.scheme}`)),
  'POST /api/assessment/schemes/:id/copy': foreign(body((b) => `/api/assessment/schemes/${b.scheme}/copy`, () => ({}))),
  'PUT /api/assessment/schemes/:id': foreign(body((b) => `/api/assessment/schemes/${b.schemeCopy}`, (b) => ({ scheme: b.schemeCopyBody, version: b.schemeCopyVersion }))),
  'GET /api/assessment/rounds': list(url('/api/assessment/rounds')),
  'POST /api/assessment/rounds': foreign(body(() => '/api/assessment/rounds', (b) => ({ schemeId: b.scheme, name: '越权轮次', year: 2019, units: [{ unitKey: 'b1', name: '美姑县', kind: 'county', ref: B_COUNTY }] })), {
    also: [body(() => '/api/assessment/rounds', (b) => ({ schemeId: b.scheme, name: '越权轮次', year: 2019, units: [{ unitKey: 'b1', name: '美姑县政协', kind: 'org', ref: String(b.org) }] }))],
  }),
  'GET /api/assessment/rounds/:id': foreign(url((b) => `/api/assessment/rounds/${b.round}`)),
  'POST /api/assessment/rounds/:id/fill-from-system': foreign(url((b) => `/api/assessment/rounds/${b.round}/fill-from-system`)),
  'PUT /api/assessment/rounds/:id/scores': foreign(body((b) => `/api/assessment/rounds/${b.round}/scores`, () => ({ entries: [] }))),
  'PUT /api/assessment/rounds/:id/units/:unitKey': foreign(body((b) => `/api/assessment/rounds/${b.round}/units/b1`, () => ({ facts: {} }))),
  'GET /api/assessment/rounds/:id/results': foreign(url((b) => `/api/assessment/rounds/${b.round}/results`)),
  'GET /api/assessment/rounds/:id/grid.xlsx': foreign(url((b) => `/api/assessment/rounds/${b.round}/grid.xlsx`)),
  'POST /api/assessment/rounds/:id/grid.xlsx': foreign(file((b) => `/api/assessment/rounds/${b.round}/grid.xlsx`, (b) => ({ content: b.gridFile, name: 'grid.xlsx', type: xlsxType }))),
  'GET /api/assessment/rounds/:id/results.xlsx': foreign(url((b) => `/api/assessment/rounds/${b.round}/results.xlsx`)),
  'GET /api/permissions': global(url('/api/permissions')),
  'GET /api/roles': list(url('/api/roles')), // B's defined roles are not listed to A
  'POST /api/roles': foreign(body(() => '/api/roles', () => ({ name: '越权角色', permissions: ['regions.manage'] }))),
  'PATCH /api/roles/:id': foreign(body((b) => `/api/roles/${b.role}`, () => ({ name: '越权改名', permissions: ['registry.read'], version: 1 }))),
  'DELETE /api/roles/:id': foreign(url((b) => `/api/roles/${b.role}`)),
  'GET /api/workbench': list(url('/api/workbench')),
  // --- 村级互助资金, 扶贫小额信贷, 入股分红 (issue 14) ---------------------------------------------------------------------
  'GET /api/mutual-aid/funds': list(url('/api/mutual-aid/funds')),
  'POST /api/mutual-aid/funds': foreign(body(() => '/api/mutual-aid/funds', (b) => ({ name: '越权资金', villageCode: b.village, establishedOn: '2019-01-01' }))),
  'GET /api/mutual-aid/funds/:id': foreign(url((b) => `/api/mutual-aid/funds/${b.fund}`)),
  'POST /api/mutual-aid/funds/:id/members': foreign(body((b) => `/api/mutual-aid/funds/${b.fund}/members`, () => ({ name: '越权户', joinedOn: '2019-01-01' }))),
  'POST /api/mutual-aid/funds/:id/committee': foreign(body((b) => `/api/mutual-aid/funds/${b.fund}/committee`, () => ({ name: '越权', role: '理事', fromOn: '2019-01-01' }))),
  'POST /api/mutual-aid/funds/:id/capital': foreign(body((b) => `/api/mutual-aid/funds/${b.fund}/capital`, () => ({ source: '其他', amount: 1, receivedOn: '2019-01-01' }))),
  'POST /api/mutual-aid/funds/:id/expenses': foreign(body((b) => `/api/mutual-aid/funds/${b.fund}/expenses`, () => ({ spentOn: '2019-12-01', amount: 1, purpose: '越权' }))),
  'GET /api/mutual-aid/funds/:id/loans': foreign(url((b) => `/api/mutual-aid/funds/${b.fund}/loans`)),
  'POST /api/mutual-aid/funds/:id/loans': foreign(
    body((b) => `/api/mutual-aid/funds/${b.fund}/loans`, (b) => ({ memberId: b.fundMember, loanedOn: '2019-06-01', amount: 1, termMonths: 1, purpose: '越权', feeKind: 'rate', feeRate: 5 })),
  ),
  'POST /api/mutual-aid/loans/:id/repayments': foreign(body((b) => `/api/mutual-aid/loans/${b.fundLoan}/repayments`, () => ({ repaidOn: '2019-06-01', principal: 1, fee: 0 }))),
  'GET /api/mutual-aid/funds/:id/ledger': foreign(url((b) => `/api/mutual-aid/funds/${b.fund}/ledger?year=2019`)),
  'GET /api/mutual-aid/funds/:id/ledger.xlsx': foreign(url((b) => `/api/mutual-aid/funds/${b.fund}/ledger.xlsx?year=2019&month=3`)),
  'GET /api/credit/loans': list(url('/api/credit/loans')),
  'POST /api/credit/loans': foreign(body(() => '/api/credit/loans', (b) => ({ householdId: b.household, bank: '越权银行', amount: 1, loanedOn: '2019-01-01', termMonths: 3, rate: 4, use: '户贷户用' }))),
  'POST /api/credit/loans/:id/repayments': foreign(body((b) => `/api/credit/loans/${b.creditLoan}/repayments`, () => ({ repaidOn: '2019-06-01', principal: 1, interest: 0 }))),
  'GET /api/credit/dividends': list(url('/api/credit/dividends')),
  'POST /api/credit/dividends': foreign(body(() => '/api/credit/dividends', (b) => ({ householdId: b.household, enterprise: '越权合作社', shares: 1, amount: 1, signedOn: '2019-01-01' }))),
  'PATCH /api/credit/dividends/:id': foreign(body((b) => `/api/credit/dividends/${b.dividend}`, (b) => ({ certificateNo: '越权', version: b.dividendVersion }))),
  'POST /api/credit/dividends/:id/payments': foreign(body((b) => `/api/credit/dividends/${b.dividend}/payments`, () => ({ paidOn: '2019-12-01', amount: 1 }))),
  'GET /api/credit/report': foreign(url(`/api/credit/report?region=${B_COUNTY}`)),
  // --- reports (报送) ---------------------------------------------------------------------------------------------------
  'GET /api/reports': list(url('/api/reports')),
  'GET /api/reports/own': list(url('/api/reports/own?year=2018')),
  // A level reports only its own region: nothing in the request can name another.
  'POST /api/reports': own(body(() => '/api/reports', () => ({ year: 2016 }))),
  'GET /api/reports/:id': foreign(url((b) => `/api/reports/${b.report}`)),
  'POST /api/reports/:id/approve': foreign(body((b) => `/api/reports/${b.report}/approve`, (b) => ({ version: b.reportVersion }))),
  'POST /api/reports/:id/return': foreign(body((b) => `/api/reports/${b.report}/return`, (b) => ({ version: b.reportVersion, reason: '越权' }))),
  'GET /api/reports/corrections': list(url('/api/reports/corrections')),
  'POST /api/reports/corrections': foreign(body(() => '/api/reports/corrections', (b) => ({ kind: 'income', householdId: b.household, year: 2017, values: { wages: 1 }, reason: '越权' })), {
    also: [body(() => '/api/reports/corrections', (b) => ({ kind: 'village_year', villageCode: b.village, year: 2017, values: { collectiveIncome: 1 }, reason: '越权' }))],
  }),
  'POST /api/reports/corrections/:id/approve': foreign(body((b) => `/api/reports/corrections/${b.correction}/approve`, (b) => ({ version: b.correctionVersion }))),
  'POST /api/reports/corrections/:id/reject': foreign(body((b) => `/api/reports/corrections/${b.correction}/reject`, (b) => ({ version: b.correctionVersion, reason: '越权' }))),
  // --- print (issue 12): the household forms as PDF; B's household, procedure and village are 404/403 before rendering --
  'GET /api/print/households/:id/handbook.pdf': foreign(url((b) => `/api/print/households/${b.household}/handbook.pdf`)),
  'GET /api/print/households/:id/registration.pdf': foreign(url((b) => `/api/print/households/${b.household}/registration.pdf`)),
  'GET /api/print/households/:id/card.pdf': foreign(url((b) => `/api/print/households/${b.household}/card.pdf`)),
  'GET /api/print/procedures/:id/certificate.pdf': foreign(url((b) => `/api/print/procedures/${b.procedure}/certificate.pdf`)),
  'GET /api/print/villages/:code/handbooks.pdf': foreign(url((b) => `/api/print/villages/${b.village}/handbooks.pdf`)),
  // --- notifications (issue 11's bell): one's own only -------------------------------------------------------------
  'GET /api/notifications': self(url('/api/notifications')),
  'POST /api/notifications/:id/read': foreign(url((b) => `/api/notifications/${b.notification}/read`)), // another user's: 404
  'POST /api/notifications/read-all': self(url('/api/notifications/read-all')),
  'PUT /api/assessment/rounds/:id/assessors': foreign(body((b) => `/api/assessment/rounds/${b.round}/assessors`, () => ({ userIds: [] }))),
  'POST /api/assessment/rounds/:id/close': foreign(body((b) => `/api/assessment/rounds/${b.round}/close`, (b) => ({ version: b.roundVersion }))),
  // issue 15: benefits (政策享受)
  'GET /api/benefits/catalog': list(url('/api/benefits/catalog')),
  'GET /api/benefits/template.xlsx': list(url(`/api/benefits/template.xlsx?department=${encodeURIComponent('民政')}`)),
  // B's county as the region: 403; A's county with B's person in the file: 400 不在本辖区建档立卡名单中, as an unknown person.
  'POST /api/benefits/import': foreign(file(() => `/api/benefits/import?region=${B_COUNTY}&department=${encodeURIComponent('民政')}`, (b) => ({ content: b.benefitsFile, name: 'benefits.xlsx', type: xlsxType })), {
    also: [(b) => ({ ...file(() => `/api/benefits/import?region=${A_COUNTY}&department=${encodeURIComponent('民政')}`, (c) => ({ content: c.benefitsFile, name: 'benefits.xlsx', type: xlsxType }))(b), expect: [400] })],
  }),
  'GET /api/benefits/households/:id': foreign(url((b) => `/api/benefits/households/${b.household}`)),
  // issue 15: rosters — the 花名册 as .xlsx, the 防返贫 list and the 扶贫手册“四个三” check
  'GET /api/print/villages/:code/rosters/:kind.xlsx': foreign(url((b) => `/api/print/villages/${b.village}/rosters/population-change.xlsx?year=2019`)),
  'GET /api/print/townships/:code/rosters/:kind.xlsx': foreign(url((b) => `/api/print/townships/${b.town}/rosters/poor.xlsx`)),
  'GET /api/rosters/return-risks': list(url('/api/rosters/return-risks')),
  'GET /api/rosters/households/:id/handbook-check': foreign(url((b) => `/api/rosters/households/${b.household}/handbook-check`)),
  // issue 15: screening (漏评 / 错评 / 错退)
  'POST /api/screening/runs': foreign(body(() => '/api/screening/runs', () => ({ region: B_COUNTY })), { also: [body(() => '/api/screening/runs', (b) => ({ listIds: [b.screeningList] }))] }),
  'GET /api/screening/runs': list(url('/api/screening/runs')),
  'GET /api/screening/runs/:id': foreign(url((b) => `/api/screening/runs/${b.screeningRun}`)),
  'GET /api/screening/runs/:id/villages': foreign(url((b) => `/api/screening/runs/${b.screeningRun}/villages`)),
  'GET /api/screening/runs/:id/flags': foreign(url((b) => `/api/screening/runs/${b.screeningRun}/flags`)),
  'GET /api/screening/runs/:id/flags/export.xlsx': foreign(url((b) => `/api/screening/runs/${b.screeningRun}/flags/export.xlsx`)),
  'GET /api/screening/flags/:id': foreign(url((b) => `/api/screening/flags/${b.screeningFlag}`)),
  'POST /api/screening/flags/:id/decision': foreign(body((b) => `/api/screening/flags/${b.screeningFlag}/decision`, () => ({ decision: '不属实', outcome: '越权', expectedDecidedAt: null }))),
  // issue 15: measures and plans ------------------------------------------------------------------------------------
  'GET /api/measures/households/:id': foreign(url((b) => `/api/measures/households/${b.household2}`)),
  'POST /api/measures/households/:id': foreign(body((b) => `/api/measures/households/${b.household2}`, () => ({ kind: '其他', state: '计划', on: '2020-01-01', unit: '越权', cost: 0 }))),
  'PUT /api/measures/households/:id/plan': foreign(body((b) => `/api/measures/households/${b.household2}/plan`, () => ({ targetYear: 2020, plan: '越权' }))),
  'PATCH /api/measures/:id': foreign(body((b) => `/api/measures/${b.measure}`, (b) => ({ kind: '其他', state: '计划', on: '2020-01-01', unit: '越权', cost: 0, version: b.measureVersion }))),
  'DELETE /api/measures/:id': foreign(url((b) => `/api/measures/${b.measure}?version=${b.measureVersion}`)),
  'GET /api/measures/plans': foreign(url((b) => `/api/measures/plans?region=${b.town}&from=2019&to=2020`)),
  'PUT /api/measures/plans/:code/:year': foreign(body((b) => `/api/measures/plans/${b.town}/2020`, () => ({ plannedHouseholds: 1 }))),
};

export function trialHousehold(regionCode: string) {
  return {
    regionCode,
    year: 2019,
    income: { wages: 1, business: 0, property: 0, transfer: { subsidies: 0, minimumLiving: 0, extremePoverty: 0, pension: 0, ecological: 0, other: 0 }, businessCosts: 0, illnessCosts: 0, schoolingCosts: 0 },
    householdSize: 1,
    foodSecure: true,
    clothingSecure: true,
    housingSafe: true,
    members: [{ name: '某某', schooling: '已毕业', medicalEligible: true, medicalInsured: true }],
  };
}

/** County B's records, made by B's own administrator through the API. */
export interface CountyB {
  /** B's administrator and one of their sessions. */
  user: number;
  session: number;
  /** One of B's administrator's API tokens. */
  token: number;
  /** County A's own records, for the calls that put one of B's ids into A's record. */
  aOrg: number;
  aOrgVersion: number;
  aSubOrg: number;
  aSubOrgVersion: number;
  aEntry: number;
  aEntryVersion: number;
  aHousehold: number;
  aProcedure: number;
  org: number;
  subOrg: number;
  subOrgVersion: number;
  town: string;
  village: string;
  member: number;
  memberVersion: number;
  entry: number;
  entryVersion: number;
  household: number;
  household2: number;
  householdVersion: number;
  /** A change request of B's household, proposed by B's village clerk (pending). */
  changeRequest: number;
  idNumbers: string[];
  povertyLine: number;
  procedure: number;
  procedureVersion: number;
  attachment: number;
  helper: number;
  helperVersion: number;
  assignment: number;
  visit: number;
  signature: number;
  leaderVillage: number;
  qualityCheck: string;
  list: number;
  run: number;
  hit: number;
  scheme: number;
  schemeCopy: number;
  schemeCopyBody: unknown;
  schemeCopyVersion: number;
  round: number;
  roundVersion: number;
  /** A role B's administrator defined. */
  role: number;
  /** B's county report of 2018 (submitted, waiting) and a pending correction of its village's 2017 figure (approved report). */
  report: number;
  reportVersion: number;
  correction: number;
  correctionVersion: number;
  importJob: string;
  batchJob: string;
  /** A notification of B's administrator. */
  notification: number;
  /** 扶贫资金与项目库 (issue 14): B's allocation, its approved 到户 project (household2), a finding on it, a draw. */
  fundAllocation: number;
  project: number;
  projectVersion: number;
  finding: number;
  findingVersion: number;
  sample: number;
  ledgerFile: Buffer;
  rosterFile: Buffer;
  /** Bulk imports (issue 11) whose one row names B's body or region. */
  usersImportFile: Buffer;
  membersImportFile: Buffer;
  helpersImportFile: Buffer;
  fundAllocationsFile: Buffer;
  fundPaymentsFile: Buffer;
  gridFile: Buffer;
  /** B's village mutual-aid fund, a member household of it, a loan; a 小额信贷 loan and an 入股 agreement of B's household. */
  fund: number;
  fundMember: number;
  fundLoan: number;
  creditLoan: number;
  dividend: number;
  dividendVersion: number;
  /** Strings that are B's data and must never appear in an answer to A. */
  markers: string[];
  // issue 15: benefits — a department's 政策享受 file naming B's person.
  benefitsFile: Buffer;
  // issue 15: screening — B's screening run (a 大病 list row not in the registry) and its 漏评 flag.
  screeningList: number;
  screeningRun: number;
  screeningFlag: number;
  // issue 15: measures and plans — a measure of B's household2.
  measure: number;
  measureVersion: number;
}

export function upload(c: Client, method: string, u: string, f: FileUpload) {
  const boundary = '----tz-scope-matrix';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`),
    f.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request({ method: method as 'POST', url: u, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

export function created<T = Record<string, unknown>>(res: { statusCode: number; body: string; json(): unknown }, what: string): T {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** What `makeCountyB` made: B's records, county A's administrator and member (`callers`), B's administrator, A's body. */
export interface CountyBScenario {
  b: CountyB;
  callers: Record<'org_admin' | 'member', Client>;
  bAdmin: Client;
  aOrg: OrgRow;
}

/**
 * County A's body (with a sub-body, an entry, a household and a procedure of its own, its administrator
 * `county-a-admin` and member `county-a-member`) and county B's records, made by B's own administrator through the API.
 */
export async function makeCountyB(t: TestApp): Promise<CountyBScenario> {
  const city = await t.org('凉山州政协', { level: '市', regionCode: '513400000000' });
  const aOrg = await t.org('昭觉县政协', { parent: city, regionCode: A_COUNTY });
  const bOrg = await t.org('美姑县政协（乙）', { parent: city, regionCode: B_COUNTY });
  const aMember = await t.member(aOrg, '甲县委员');
  const callers = { org_admin: await t.user(aOrg, 'county-a-admin'), member: await t.user(aOrg, 'county-a-member', 'member', aMember.id) };
  const bAdmin = await t.user(bOrg, 'county-b-admin');
  const aAdmin = callers.org_admin;
  const aSub = created<{ id: number; version: number }>(await aAdmin.post('/api/orgs', { parentId: aOrg.id, name: '昭觉县甲镇委员组', kind: '委员组', level: '乡', regionCode: '513431100000' }), 'A sub-body');
  const aEntry = created<{ id: number; version: number }>(await aAdmin.post('/api/ledger/entries', entryBody(aOrg.id, { content: '甲县事项' })), 'A entry');
  const aHousehold = created<{ id: number }>(await aAdmin.post('/api/registry/households', householdBody(XINCHENG_VILLAGE, 'JX0001', [member('甲县户主', idNumber('19810101', '113', '513431'), '户主')])), 'A household');
  const aProcedure = created<{ id: number }>(await aAdmin.post('/api/procedures', { kind: 'removal', householdId: aHousehold.id }), 'A procedure');

  const towns = await t.services.regions.children(B_COUNTY);
  const town = towns[0]!.code;
  const village = (await t.services.regions.children(town))[0]!.code;
  const subOrg = created<{ id: number; version: number }>(await bAdmin.post('/api/orgs', { parentId: bOrg.id, name: '美姑县乙镇委员组', kind: '委员组', level: '乡', regionCode: town }), 'sub-body');
  const bMember = created<{ id: number; version: number }>(await bAdmin.post('/api/members', { orgId: bOrg.id, name: '贝莫委员' }), 'member');
  const entry = created<{ id: number; version: number }>(await bAdmin.post('/api/ledger/entries', entryBody(bOrg.id, { content: '乙县专有事项', memberIds: [bMember.id] })), 'entry');

  const ids = [idNumber('19800101', '123', B_PREFIX), idNumber('19820202', '224', B_PREFIX), idNumber('19700303', '335', B_PREFIX)];
  const household = created<{ id: number; version: number }>(
    await bAdmin.post('/api/registry/households', householdBody(village, 'YX0001', [member('吉克贝呷', ids[0]!, '户主'), member('吉克贝妹', ids[1]!, '配偶')])),
    'household',
  );
  const household2 = created<{ id: number }>(await bAdmin.post('/api/registry/households', householdBody(village, 'YX0002', [member('沙马贝且', ids[2]!, '户主')])), 'household 2');
  created(await bAdmin.request({ method: 'PUT', url: `/api/registry/households/${household.id}/incomes/2019`, payload: { wages: 20000 } }), 'income');
  const householdVersion = created<{ version: number }>(await bAdmin.get(`/api/registry/households/${household.id}`), 'household').version;
  const povertyLine = created<{ items: Array<{ id: number }> }>(await t.admin.get('/api/registry/poverty-lines'), 'lines').items[0]!.id;
  const bVillageOrg = await t.org('美姑县乙村村两委', { parent: bOrg, kind: '村两委', level: '村', regionCode: village });
  const bClerk = await t.user(bVillageOrg, 'county-b-village-clerk', 'village_clerk');
  const changeRequest = created<{ id: number }>(await bClerk.patch(`/api/registry/households/${household.id}`, { version: householdVersion, mainCause: '缺资金', reason: '乙村变更原因' }), 'change request').id;

  const procedure = created<{ id: number; version: number }>(await bAdmin.post('/api/procedures', { kind: 'removal', householdId: household.id }), 'procedure');
  const attachment = created<{ id: number }>(await upload(bAdmin, 'POST', `/api/procedures/${procedure.id}/attachments`, { content: PNG, name: '乙县公示.png', type: 'image/png' }), 'attachment');

  const helper = created<{ id: number; version: number }>(
    await bAdmin.post('/api/pairing/helpers', { name: '贝帮扶干部', unit: '美姑县人民政府', kind: 'cadre', level: '县', regionCode: B_COUNTY }),
    'helper',
  );
  const assignment = created<{ assignments: Array<{ id: number }> }>(await bAdmin.post(`/api/pairing/households/${household.id}/assignments`, { helperId: helper.id, fromOn: '2020-01-02' }), 'assignment').assignments[0]!;
  const visit = created<{ id: number }>(await bAdmin.post(`/api/pairing/households/${household.id}/visits`, { kind: '帮扶走访', visitedOn: '2020-03-01', helperId: helper.id, content: '乙县走访记录' }), 'visit');
  const signature = created<{ id: number }>(await upload(bAdmin, 'POST', `/api/pairing/visits/${visit.id}/signatures`, { content: PNG, name: '乙县签字.png', type: 'image/png' }), 'signature');
  const leaderVillage = created<{ id: number }>(
    await bAdmin.post('/api/pairing/leader-villages', { kind: '领导联系村', orgId: bOrg.id, memberId: bMember.id, villageCode: village, fromOn: '2019-01-01' }),
    'leader village',
  );
  const helperVersion = created<{ version: number }>(await bAdmin.get(`/api/pairing/helpers/${helper.id}`), 'helper').version;

  const fund = created<{ id: number }>(await bAdmin.post('/api/mutual-aid/funds', { name: '乙村扶贫互助资金', villageCode: village, establishedOn: '2019-01-01' }), 'fund');
  const fundMember = created<{ id: number }>(await bAdmin.post(`/api/mutual-aid/funds/${fund.id}/members`, { householdId: household.id, joinedOn: '2019-01-01' }), 'fund member');
  created(await bAdmin.post(`/api/mutual-aid/funds/${fund.id}/capital`, { source: '财政扶持资金', amount: 50000, receivedOn: '2019-01-02' }), 'fund capital');
  const fundLoan = created<{ id: number }>(
    await bAdmin.post(`/api/mutual-aid/funds/${fund.id}/loans`, { memberId: fundMember.id, loanedOn: '2019-03-01', amount: 8000, termMonths: 6, purpose: '乙村借款用途', feeKind: 'rate', feeRate: 6 }),
    'fund loan',
  );
  const creditLoan = created<{ id: number }>(await bAdmin.post('/api/credit/loans', { householdId: household.id, bank: '美姑县信用社', amount: 30000, loanedOn: '2018-01-01', termMonths: 36, rate: 4.35, use: '户贷企用', enterprise: '乙县专有合作社' }), 'credit loan');
  const dividend = created<{ id: number; version: number }>(await bAdmin.post('/api/credit/dividends', { householdId: household2.id, enterprise: '乙县专有合作社', shares: 5, amount: 3000, signedOn: '2018-03-01' }), 'dividend');

  created(await bAdmin.post('/api/quality/runs', {}), 'quality run');
  created(await bAdmin.post(`/api/quality/households/${household.id}/handbook`, { year: 2019, persons: 2, perCapita: 10000 }), 'handbook');
  const qualityCheck = created<Array<{ key: string }> | { items: Array<{ key: string }> }>(await bAdmin.get('/api/quality/checks'), 'checks');
  const checkKey = (Array.isArray(qualityCheck) ? qualityCheck : qualityCheck.items)[0]!.key;

  const csv = Buffer.from(`姓名,公民身份号码\n吉克贝呷,${ids[0]}\n沙马贝且,${ids[2]}\n`);
  const listRes = created<{ list: { id: number } }>(await upload(bAdmin, 'POST', `/api/compare/lists?name=${encodeURIComponent('乙县车辆名单')}&department=${encodeURIComponent('车辆')}`, { content: csv, name: '乙县.csv', type: 'text/csv' }), 'list');
  const run = created<{ id: number }>(await bAdmin.post('/api/compare/runs', { listIds: [listRes.list.id] }), 'run');
  const hits = created<{ items: Array<{ id: number }> }>(await bAdmin.get(`/api/compare/runs/${run.id}/hits`), 'hits');
  created(await bAdmin.post(`/api/compare/procedures/${procedure.id}/runs`, { listIds: [listRes.list.id] }), 'procedure run');

  const schemes = created<{ items: Array<{ id: number }> } | Array<{ id: number }>>(await bAdmin.get('/api/assessment/schemes'), 'schemes');
  const scheme = (Array.isArray(schemes) ? schemes : schemes.items)[0]!.id;
  const copy = created<{ id: number }>(await t.admin.post(`/api/assessment/schemes/${scheme}/copy`, { name: '乙县方案副本' }), 'scheme copy');
  const copyFull = created<{ scheme: unknown; version: number }>(await t.admin.get(`/api/assessment/schemes/${copy.id}`), 'scheme copy');
  const round = created<{ id: number; version: number }>(
    await bAdmin.post('/api/assessment/rounds', { schemeId: scheme, name: '乙县考核轮次', year: 2019, units: [{ unitKey: 'b1', name: '贝考核对象', kind: 'county', ref: B_COUNTY }] }),
    'round',
  );
  const grid = await bAdmin.get(`/api/assessment/rounds/${round.id}/grid.xlsx`);

  const rosterFile = await rosterWith([{ ...householdCols('YX0003', { 村级区划代码: village }), ...personCols('越权导入', idNumber('19910101', '446', B_PREFIX), '户主') }]);
  const job = created<{ jobId: string }>(await upload(bAdmin, 'POST', '/api/registry/roster/import-jobs', { content: await rosterWith([{ ...householdCols('YX0004', { 村级区划代码: village }), ...personCols('贝导入户主', idNumber('19920202', '557', B_PREFIX), '户主') }]), name: 'r.xlsx', type: xlsxType }), 'job');
  for (let i = 0; i < 100; i++) {
    const state = (await bAdmin.get(`/api/registry/roster/import-jobs/${job.jobId}`)).json() as { state?: string; status?: string };
    if (!['running', 'queued'].includes(state.state ?? state.status ?? '')) break;
    await new Promise((r) => setTimeout(r, 100));
  }

  // 报送: B's county reports 2017 (approved by the system administrator, above it) and 2018 (waiting); a correction of 2017.
  const report2017 = created<{ id: number; version: number }>(await bAdmin.post('/api/reports', { year: 2017 }), 'report 2017');
  created(await t.admin.post(`/api/reports/${report2017.id}/approve`, { version: report2017.version }), 'approve 2017');
  const report = created<{ id: number; version: number }>(await bAdmin.post('/api/reports', { year: 2018 }), 'report 2018');
  const correction = created<{ id: number; version: number }>(
    await bAdmin.post('/api/reports/corrections', { kind: 'village_year', villageCode: village, year: 2017, values: { collectiveIncome: 70000 }, reason: '乙县更正原因' }),
    'correction',
  );
  const bUser = (await bAdmin.get('/api/auth/me')).json().user.id as number;
  await t.services.notifications.notifier.users([bUser], { kind: 'assessor', title: '乙县专有通知', link: `/assessment/rounds/${round.id}` });
  const notification = created<{ items: Array<{ id: number; title: string }> }>(await bAdmin.get('/api/notifications'), 'notifications').items.find((n) => n.title === '乙县专有通知')!.id;

  // 扶贫资金与项目库: B's allocation and 到户 project, approved up to 县审批 by B's administrator; a finding and a draw.
  const fundAllocation = created<{ id: number }>(await bAdmin.post('/api/funds/allocations', { year: 2020, source: 'county', regionCode: B_COUNTY, amount: 100_000, documentNo: '美财农〔2020〕1号', allocatedOn: '2020-02-01' }), 'fund allocation');
  const project = created<{ id: number; procedureId: number }>(
    await bAdmin.post('/api/funds/projects', { year: 2020, name: '乙村种羊到户', villageCode: village, reach: 'household', use: 'industry', content: '乙村发放种羊', budget: 20_000, householdIds: [household2.id] }),
    'project',
  );
  let projectProcedure = created<{ version: number }>(await bAdmin.get(`/api/procedures/${project.procedureId}`), 'project procedure').version;
  for (let step = 0; step < 4; step++) projectProcedure = created<{ version: number }>(await bAdmin.post(`/api/procedures/${project.procedureId}/actions`, { type: 'pass', step, version: projectProcedure }), 'project step').version;
  const finding = created<{ id: number; version: number }>(await bAdmin.post('/api/funds/findings', { projectId: project.id, foundOn: '2020-05-01', foundBy: '美姑县审计局', problem: '乙县审计问题', deadline: '2020-07-01' }), 'finding');
  const sample = created<{ id: number }>(await bAdmin.post('/api/funds/samples', { region: B_COUNTY, year: 2020, count: 1, drawKey: '乙县抽查' }), 'sample');
  // issue 15: measures and plans — a measure of B's household2.
  const measure = created<{ id: number; version: number }>(await bAdmin.post(`/api/measures/households/${household2.id}`, { kind: '技能培训', state: '计划', on: '2020-05-01', unit: '美姑县人社局', cost: 100, note: '乙县帮扶措施' }), 'measure');

  // issue 15: screening — B's 大病 list (one person not in the registry) and a screening run over it.
  const screeningList = created<{ list: { id: number } }>(
    await upload(bAdmin, 'POST', `/api/compare/lists?name=${encodeURIComponent('乙县大病名单')}&department=${encodeURIComponent('大病')}`, { content: Buffer.from(`姓名,公民身份号码\n贝漏评人,${idNumber('19600606', '661', B_PREFIX)}\n`), name: '乙县大病.csv', type: 'text/csv' }),
    'screening list',
  );
  const screeningRun = created<{ id: number }>(await bAdmin.post('/api/screening/runs', { listIds: [screeningList.list.id] }), 'screening run');
  const screeningFlag = created<{ items: Array<{ id: number }> }>(await bAdmin.get(`/api/screening/runs/${screeningRun.id}/flags?kind=${encodeURIComponent('漏评')}`), 'screening flags').items[0]!.id;

  const b: CountyB = {
    user: bUser,
    session: (await bAdmin.get('/api/auth/sessions')).json().items[0].id,
    token: (await bAdmin.post('/api/auth/tokens', { name: '乙县接口' })).json().id,
    aOrg: aOrg.id,
    aOrgVersion: (await t.services.orgs.getUnchecked(aOrg.id)).version,
    aSubOrg: aSub.id,
    aSubOrgVersion: aSub.version,
    aEntry: aEntry.id,
    aEntryVersion: aEntry.version,
    aHousehold: aHousehold.id,
    aProcedure: aProcedure.id,
    org: bOrg.id,
    subOrg: subOrg.id,
    subOrgVersion: subOrg.version,
    town,
    village,
    member: bMember.id,
    memberVersion: bMember.version,
    entry: entry.id,
    entryVersion: entry.version,
    household: household.id,
    household2: household2.id,
    householdVersion,
    changeRequest,
    idNumbers: ids,
    povertyLine,
    procedure: procedure.id,
    procedureVersion: procedure.version,
    attachment: attachment.id,
    helper: helper.id,
    helperVersion,
    assignment: assignment.id,
    visit: visit.id,
    signature: signature.id,
    leaderVillage: leaderVillage.id,
    fund: fund.id,
    fundMember: fundMember.id,
    fundLoan: fundLoan.id,
    creditLoan: creditLoan.id,
    dividend: dividend.id,
    dividendVersion: dividend.version,
    qualityCheck: checkKey,
    list: listRes.list.id,
    run: run.id,
    hit: hits.items[0]!.id,
    scheme,
    schemeCopy: copy.id,
    schemeCopyBody: copyFull.scheme,
    schemeCopyVersion: copyFull.version,
    round: round.id,
    roundVersion: round.version,
    role: created<{ id: number }>(await bAdmin.post('/api/roles', { name: '美姑县查阅员', permissions: ['registry.read'] }), 'B role').id,
    report: report.id,
    reportVersion: report.version,
    correction: correction.id,
    correctionVersion: correction.version,
    importJob: job.jobId,
    batchJob: created<{ jobId: string }>(await upload(bAdmin, 'POST', '/api/registry/roster/import-batches?mode=check', { content: await rosterWith([{ ...householdCols('YX0005', { 村级区划代码: village }), ...personCols('贝分批户主', idNumber('19920303', '558', B_PREFIX), '户主') }]), name: 'r.xlsx', type: xlsxType }), 'batch job').jobId,
    notification,
    fundAllocation: fundAllocation.id,
    project: project.id,
    projectVersion: created<{ version: number }>(await bAdmin.get(`/api/funds/projects/${project.id}`), 'project').version,
    finding: finding.id,
    findingVersion: finding.version,
    sample: sample.id,
    ledgerFile: await templateWith([{ 大类: '富民产业', 小类: '种植', '帮扶对象·其他': '越权导入', 具体内容: '越权', 开始年度: 2019, 非职务履职确认: '是' }]),
    rosterFile,
    usersImportFile: await fillTemplate(await buildUserTemplate([], []), '用户', [{ 用户名: 'scope-import', 姓名: '越权导入', 单位: String(bOrg.id), 角色: '领导查阅' }]),
    membersImportFile: await fillTemplate(await buildMemberTemplate([]), '委员', [{ 姓名: '越权委员', 所属单位: String(bOrg.id) }]),
    helpersImportFile: await fillTemplate(await buildHelperTemplate(), '帮扶责任人', [{ 姓名: '越权干部', 工作单位: '美姑县人民政府', 人员类别: '党政机关、事业单位干部', 层级: '县', 所在地区代码: B_COUNTY }]),
    fundAllocationsFile: await fillTemplate(await buildAllocationTemplate(), '资金下达', [{ 资金年度: 2020, 资金来源: '县级财政专项扶贫资金', 下达地区代码: B_COUNTY, '金额（元）': 1, 文号: '越权导入', 下达日期: '2020-02-01' }]),
    fundPaymentsFile: await fillTemplate(await buildPaymentTemplate(), '资金拨付', [{ 项目编号: project.id, 资金编号: fundAllocation.id, 拨付日期: '2020-06-01', '金额（元）': 1, 资金用途: '越权导入', 凭证号: 'X', 受益户编号: household2.id }]),
    gridFile: grid.rawPayload,
    // issue 15: benefits
    benefitsFile: await fillTemplate(await buildBenefitTemplate('民政'), '政策享受', [{ 身份证号: ids[0]!, 姓名: '越权导入', 政策名称: '低保金', '金额（元）': 1, 年度: 2019 }]),
    markers: ['美姑县政协（乙）', '美姑县乙镇委员组', '贝莫委员', '乙县专有事项', '吉克贝呷', '吉克贝妹', '沙马贝且', '贝导入户主', 'YX0001', 'YX0002', ...ids, '贝帮扶干部', '乙县走访记录', '乙县公示', '乙县签字', '乙县车辆名单', '乙县考核轮次', '贝考核对象', '美姑县查阅员', '乙县更正原因', '乙县专有通知', '乙村变更原因', '乙村扶贫互助资金', '乙村借款用途', '乙县专有合作社', '美姑县信用社', '乙村种羊到户', '乙县审计问题', '美财农〔2020〕1号', /* issue 15: screening */ '贝漏评人', '乙县大病名单', /* issue 15: measures */ '乙县帮扶措施'],
    // issue 15: screening
    screeningList: screeningList.list.id,
    screeningRun: screeningRun.id,
    screeningFlag,
    // issue 15: measures and plans
    measure: measure.id,
    measureVersion: measure.version,
  };
  return { b, callers, bAdmin, aOrg };
}
