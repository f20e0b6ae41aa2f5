import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../app/NotFoundPage';
import { ComparePage } from './ComparePage';
import { ListImportPage } from './ListImportPage';
import { ListRowsPage } from './ListRowsPage';
import { RunPage } from './RunPage';

/** The pages of 部门比对 under /compare (one entry in the app's routes). */
export function CompareRoutes() {
  return (
    <Routes>
      <Route index element={<ComparePage />} />
      <Route path="lists/import" element={<ListImportPage />} />
      <Route path="lists/:id" element={<ListRowsPage />} />
      <Route path="runs/:id" element={<RunPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
