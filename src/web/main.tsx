import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
// antd's styles as one static stylesheet (zero-runtime mode below) instead of generating them in the
// browser on every first render: that generation was about half of the script time of a first load.
import 'antd/dist/antd.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app/App.js';
import { startFirstLoad } from './app/first-load.js';
import { ApiError } from './lib/api.js';
import { AuthProvider } from './lib/auth.js';
import { registerOffline } from './lib/offline.js';

startFirstLoad(window.location);
dayjs.locale('zh-cn');
registerOffline();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// Animations (drawers, modals, messages) off when the system asks for reduced motion: an accessibility
// setting, also less work for a weak phone (and for the browser tests, whose contexts ask for it).
const motion = !matchMedia('(prefers-reduced-motion: reduce)').matches;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ zeroRuntime: true, token: { motion } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <App />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
