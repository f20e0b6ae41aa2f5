import { FeatureRoutes } from '../app/FeatureRoutes';
import { AssessmentHomePage } from './AssessmentHomePage';
import { RoundPage } from './RoundPage';
import { SchemePage } from './SchemePage';

/** The pages of 考核 under /assessment (one entry in the app's routes). */
export function AssessmentRoutes() {
  return <FeatureRoutes home={<AssessmentHomePage />} pages={{ 'schemes/:id': <SchemePage />, 'rounds/:id': <RoundPage /> }} />;
}
