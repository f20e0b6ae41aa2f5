import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../app/NotFoundPage';
import { TownshipWallPage, VillageWallPage, WallHomePage } from './WallPages';

/** /wall: 上墙图表 of a township or a village (the A3 print pages are outside the layout: /wall/:level/:code/print/:chart). */
export function WallRoutes() {
  return (
    <Routes>
      <Route index element={<WallHomePage />} />
      <Route path="townships/:code" element={<TownshipWallPage />} />
      <Route path="villages/:code" element={<VillageWallPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

export default WallRoutes;
