import { FeatureRoutes } from '../app/FeatureRoutes';
import { GapsPage } from './GapsPage';
import { HelperPage } from './HelperPage';
import { HelpersPage } from './HelpersPage';
import { LeaderVillagesPage } from './LeaderVillagesPage';

/** The pages of 结对帮扶 under /pairing (one entry in the app's routes). */
export function PairingRoutes() {
  return <FeatureRoutes home={<HelpersPage />} pages={{ 'helpers/:id': <HelperPage />, gaps: <GapsPage />, 'leader-villages': <LeaderVillagesPage /> }} />;
}
