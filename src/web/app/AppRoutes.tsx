import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { LoginPage } from '../auth/LoginPage';
import { RequireAuth } from '../auth/RequireAuth';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { LedgerListPage } from '../ledger/LedgerListPage';
import { EntryCreatePage, EntryEditPage } from '../ledger/EntryFormPage';
import { EntryDetailPage } from '../ledger/EntryDetailPage';
import { ImportPage } from '../ledger/ImportPage';
import { OrgsPage } from '../orgs/OrgsPage';
import { MembersPage } from '../members/MembersPage';
import { UsersPage } from '../auth/UsersPage';
import { RolesPage } from '../auth/RolesPage';
import { AccountPage } from '../auth/AccountPage';
import { DeepPovertyPage } from '../regions/DeepPovertyPage';

// The totals page carries ECharts; it is loaded on demand.
const SummaryPage = lazy(() => import('../ledger/SummaryPage').then((m) => ({ default: m.SummaryPage })));
// The registry (建档立卡) pages, loaded on demand as well.
const RegistryHomePage = lazy(() => import('../registry/RegistryHomePage').then((m) => ({ default: m.RegistryHomePage })));
const VillagePage = lazy(() => import('./pages/VillagePage').then((m) => ({ default: m.VillagePage })));
const HouseholdPage = lazy(() => import('./pages/HouseholdPage').then((m) => ({ default: m.HouseholdPage })));
const HouseholdCreatePage = lazy(() => import('../registry/HouseholdCreatePage').then((m) => ({ default: m.HouseholdCreatePage })));
const RegistrySearchPage = lazy(() => import('../registry/SearchPage').then((m) => ({ default: m.SearchPage })));
const TrialPage = lazy(() => import('../registry/TrialPage').then((m) => ({ default: m.TrialPage })));
const RosterImportPage = lazy(() => import('../registry/RosterImportPage').then((m) => ({ default: m.RosterImportPage })));
const ChangeRequestsPage = lazy(() => import('../registry/ChangeRequestsPage').then((m) => ({ default: m.ChangeRequestsPage })));
const PovertyLinesPage = lazy(() => import('../registry/PovertyLinesPage').then((m) => ({ default: m.PovertyLinesPage })));
const ReportsPage = lazy(() => import('../reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
// The procedures (动态调整) pages.
const ProcedureListPage = lazy(() => import('../procedures/ProcedureListPage').then((m) => ({ default: m.ProcedureListPage })));
const ProcedureDetailPage = lazy(() => import('../procedures/ProcedureDetailPage').then((m) => ({ default: m.ProcedureDetailPage })));
const CertificatePage = lazy(() => import('../procedures/CertificatePage').then((m) => ({ default: m.CertificatePage })));
const NewIdentificationPage = lazy(() => import('./pages/NewIdentificationPage').then((m) => ({ default: m.NewIdentificationPage })));
const CompareRoutes = lazy(() => import('../compare/CompareRoutes').then((m) => ({ default: m.CompareRoutes })));
const QualityPage = lazy(() => import('../quality/QualityPage').then((m) => ({ default: m.QualityPage })));
const AssessmentRoutes = lazy(() => import('../assessment/AssessmentRoutes').then((m) => ({ default: m.AssessmentRoutes })));
const PairingRoutes = lazy(() => import('../pairing/PairingRoutes').then((m) => ({ default: m.PairingRoutes })));
const WorkbenchPage = lazy(() => import('../workbench/WorkbenchPage').then((m) => ({ default: m.WorkbenchPage })));
const WallRoutes = lazy(() => import('../wall/WallRoutes').then((m) => ({ default: m.WallRoutes })));
const WallPrintPage = lazy(() => import('../wall/WallPrintPage').then((m) => ({ default: m.WallPrintPage })));
// 入户工作: the phone pages that work offline, with their own header bar (outside the platform's layout).
const FieldRoutes = lazy(() => import('../field/FieldRoutes').then((m) => ({ default: m.FieldRoutes })));
// 资金项目: 村级互助资金, 小额信贷与入股分红 (issue 14), and the 运行台账 as a printed sheet.
const MutualAidRoutes = lazy(() => import('../mutual-aid/MutualAidRoutes').then((m) => ({ default: m.MutualAidRoutes })));
const LedgerPrintPage = lazy(() => import('../mutual-aid/LedgerPrintPage').then((m) => ({ default: m.LedgerPrintPage })));
const FundsRoutes = lazy(() => import('../funds/FundsRoutes').then((m) => ({ default: m.FundsRoutes })));
// issue 15: benefits
const BenefitImportPage = lazy(() => import('../benefits/BenefitImportPage').then((m) => ({ default: m.BenefitImportPage })));
// issue 15: rosters
const ReturnRisksPage = lazy(() => import('../rosters/ReturnRisksPage').then((m) => ({ default: m.ReturnRisksPage })));
// issue 15: screening
const ScreeningRoutes = lazy(() => import('../screening/ScreeningRoutes').then((m) => ({ default: m.ScreeningRoutes })));
// issue 15: measures
const PlansPage = lazy(() => import('../measures/PlansPage').then((m) => ({ default: m.PlansPage })));
const AuditPage = lazy(() => import('../audit/AuditPage').then((m) => ({ default: m.AuditPage })));

const fallback = <Spin style={{ display: 'block', margin: '80px auto' }} />;
const lazyPage = (element: ReactNode) => <Suspense fallback={fallback}>{element}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/wall/:level/:code/print/:chart" element={<RequireAuth>{lazyPage(<WallPrintPage />)}</RequireAuth>} />
      <Route path="/mutual-aid/funds/:id/print" element={<RequireAuth>{lazyPage(<LedgerPrintPage />)}</RequireAuth>} />
      <Route path="/field/*" element={lazyPage(<FieldRoutes />)} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={lazyPage(<WorkbenchPage />)} />
        <Route path="ledger" element={<LedgerListPage />} />
        <Route path="ledger/new" element={<EntryCreatePage />} />
        <Route path="ledger/import" element={<ImportPage />} />
        <Route path="ledger/:id" element={<EntryDetailPage />} />
        <Route path="ledger/:id/edit" element={<EntryEditPage />} />
        <Route
          path="summary"
          element={
            <Suspense fallback={fallback}>
              <SummaryPage />
            </Suspense>
          }
        />
        <Route path="orgs" element={<OrgsPage />} />
        <Route path="members" element={<MembersPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="roles" element={<RolesPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="regions/deep-poverty" element={<DeepPovertyPage />} />
        <Route path="registry" element={lazyPage(<RegistryHomePage />)} />
        <Route path="registry/search" element={lazyPage(<RegistrySearchPage />)} />
        <Route path="registry/villages/:code" element={lazyPage(<VillagePage />)} />
        <Route path="registry/households/new" element={lazyPage(<HouseholdCreatePage />)} />
        <Route path="registry/households/:id" element={lazyPage(<HouseholdPage />)} />
        <Route path="registry/trial" element={lazyPage(<TrialPage />)} />
        <Route path="registry/import" element={lazyPage(<RosterImportPage />)} />
        <Route path="registry/poverty-lines" element={lazyPage(<PovertyLinesPage />)} />
        <Route path="registry/reports" element={lazyPage(<ReportsPage />)} />
        <Route path="registry/change-requests" element={lazyPage(<ChangeRequestsPage />)} />
        <Route path="procedures" element={lazyPage(<ProcedureListPage />)} />
        <Route path="procedures/new-identification" element={lazyPage(<NewIdentificationPage />)} />
        <Route path="procedures/:id" element={lazyPage(<ProcedureDetailPage />)} />
        <Route path="procedures/:id/certificate" element={lazyPage(<CertificatePage />)} />
        <Route path="compare/*" element={lazyPage(<CompareRoutes />)} />
        <Route path="quality" element={lazyPage(<QualityPage />)} />
        <Route path="assessment/*" element={lazyPage(<AssessmentRoutes />)} />
        <Route path="pairing/*" element={lazyPage(<PairingRoutes />)} />
        <Route path="mutual-aid/*" element={lazyPage(<MutualAidRoutes />)} />
        <Route path="funds/*" element={lazyPage(<FundsRoutes />)} />
        <Route path="audit" element={lazyPage(<AuditPage />)} />
        <Route path="wall/*" element={lazyPage(<WallRoutes />)} />
        {/* issue 15: benefits */}
        <Route path="benefits/import" element={lazyPage(<BenefitImportPage />)} />
        {/* issue 15: rosters */}
        <Route path="rosters/return-risks" element={lazyPage(<ReturnRisksPage />)} />
        {/* issue 15: screening */}
        <Route path="screening/*" element={lazyPage(<ScreeningRoutes />)} />
        {/* issue 15: measures */}
        <Route path="measures/plans" element={lazyPage(<PlansPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
