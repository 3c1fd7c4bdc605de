import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Libraries in chunks of their own: cached across app releases; echarts loads only with a chart. */
const VENDOR: [RegExp, string][] = [
  [/\/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@tanstack)\//, 'react'],
  [/\/node_modules\/(echarts|zrender|tslib)\//, 'echarts'],
  [/\/node_modules\/zod\//, 'zod'],
  [/\/node_modules\/(dayjs)\//, 'dayjs'],
];

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        manualChunks: (id) => VENDOR.find(([re]) => re.test(id))?.[1],
        // Fewer, larger chunks for a page: the entity list's code came in 20 requests, most under 2 KB.
        experimentalMinChunkSize: 20_000,
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
