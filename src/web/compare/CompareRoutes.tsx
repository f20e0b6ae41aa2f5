import { FeatureRoutes } from '../app/FeatureRoutes';
import { ComparePage } from './ComparePage';
import { ListImportPage } from './ListImportPage';
import { ListRowsPage } from './ListRowsPage';
import { RunPage } from './RunPage';

/** The pages of 部门比对 under /compare (one entry in the app's routes). */
export function CompareRoutes() {
  return <FeatureRoutes home={<ComparePage />} pages={{ 'lists/import': <ListImportPage />, 'lists/:id': <ListRowsPage />, 'runs/:id': <RunPage /> }} />;
}
