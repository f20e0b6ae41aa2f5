import { FeatureRoutes } from '../app/FeatureRoutes';
import { ScreeningRunPage } from './RunPage';
import { ScreeningPage } from './ScreeningPage';

/** The pages of 漏评错评错退排查 under /screening (one entry in the app's routes). */
export function ScreeningRoutes() {
  return <FeatureRoutes home={<ScreeningPage />} pages={{ 'runs/:id': <ScreeningRunPage /> }} />;
}
