import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../app/NotFoundPage';
import { GapsPage } from './GapsPage';
import { HelperPage } from './HelperPage';
import { HelpersPage } from './HelpersPage';
import { LeaderVillagesPage } from './LeaderVillagesPage';

/** The pages of 结对帮扶 under /pairing (one entry in the app's routes). */
export function PairingRoutes() {
  return (
    <Routes>
      <Route index element={<HelpersPage />} />
      <Route path="helpers/:id" element={<HelperPage />} />
      <Route path="gaps" element={<GapsPage />} />
      <Route path="leader-villages" element={<LeaderVillagesPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
