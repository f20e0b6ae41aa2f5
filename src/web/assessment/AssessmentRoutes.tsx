import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../app/NotFoundPage';
import { AssessmentHomePage } from './AssessmentHomePage';
import { RoundPage } from './RoundPage';
import { SchemePage } from './SchemePage';

/** The pages of 考核 under /assessment (one entry in the app's routes). */
export function AssessmentRoutes() {
  return (
    <Routes>
      <Route index element={<AssessmentHomePage />} />
      <Route path="schemes/:id" element={<SchemePage />} />
      <Route path="rounds/:id" element={<RoundPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
