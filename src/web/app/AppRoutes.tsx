import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
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
import { DeepPovertyPage } from '../regions/DeepPovertyPage';

// The totals page carries ECharts; it is loaded on demand.
const SummaryPage = lazy(() => import('../summary/SummaryPage').then((m) => ({ default: m.SummaryPage })));

const fallback = <Spin style={{ display: 'block', margin: '80px auto' }} />;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/ledger" replace />} />
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
        <Route path="regions/deep-poverty" element={<DeepPovertyPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
