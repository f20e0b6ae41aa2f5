import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from './NotFoundPage';

/**
 * The pages of one feature under its own path (one `path/*` entry in the app's routes): the feature's home page, its
 * other pages by path, and 页面不存在 for any other path under it.
 */
export function FeatureRoutes({ home, pages }: { home: ReactNode; pages: Record<string, ReactNode> }) {
  return (
    <Routes>
      <Route index element={home} />
      {Object.entries(pages).map(([path, page]) => (
        <Route key={path} path={path} element={page} />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
