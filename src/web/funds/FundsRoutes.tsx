import { FeatureRoutes } from '../app/FeatureRoutes';
import { AllocationsPage } from './AllocationsPage';
import { FindingsPage } from './FindingsPage';
import { ProgressPage } from './ProgressPage';
import { ProjectPage } from './ProjectPage';
import { ProjectsPage } from './ProjectsPage';
import { SamplesPage } from './SamplesPage';

/** The pages of 扶贫资金与项目库 under /funds (one entry in the app's routes). */
export function FundsRoutes() {
  return (
    <FeatureRoutes
      home={<AllocationsPage />}
      pages={{ progress: <ProgressPage />, projects: <ProjectsPage />, 'projects/:id': <ProjectPage />, findings: <FindingsPage />, samples: <SamplesPage /> }}
    />
  );
}
