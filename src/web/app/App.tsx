import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { ApiError } from './api';
import { AppRoutes } from './AppRoutes';
import { ME_KEY } from '../shared/session';
// The app's global CSS: phones (no sideways scroll) and browser printing.
import './layout.css';

function onUnauthenticated(error: unknown) {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(ME_KEY, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  mutationCache: new MutationCache({ onError: onUnauthenticated }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * The primary (and focus) colour: a blue, so that a focused field never looks like a field in error (antd's error
 * colour is red, and so is the platform's header).
 */
const FOCUS_BLUE = '#1d5fbf';

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: FOCUS_BLUE, borderRadius: 4 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
