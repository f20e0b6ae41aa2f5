import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * The installable, offline-capable app (issue 12): a generated service worker precaches the app shell and every lazy
 * chunk, so each page (the field pages above all) opens with no network; navigations fall back to index.html. API
 * answers are never cached by the worker: the field pages keep their data in IndexedDB (src/web/field/db.ts).
 */
const pwa = VitePWA({
  registerType: 'autoUpdate',
  // Registered in main.tsx (workbox-window), not by an injected script: the CSP allows scripts from this server only.
  injectRegister: false,
  includeAssets: ['icon.svg', 'apple-touch-icon.png'],
  manifest: {
    name: '精准扶贫工作平台',
    short_name: '扶贫台账',
    description: '建档立卡、入户走访与帮扶台账：没有网络时也能记录走访，联网后自动上传',
    lang: 'zh-CN',
    start_url: '/field',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    theme_color: '#b71c1c',
    background_color: '#ffffff',
    icons: [
      { src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
      { src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png' },
      { src: '/maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2,webmanifest}'],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: '/index.html',
    // Downloads and API calls opened as pages go to the server, never to the app shell.
    navigateFallbackDenylist: [/^\/api\//],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    runtimeCaching: [],
  },
});

/** The web UI: Vite root is src/web; the build goes to dist/web, which the server serves (index.html + assets/*, sw.js). */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), pwa],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Libraries change rarely: their own chunks stay cached across releases of the app.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|@tanstack)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
            { name: 'antd', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  preview: { host: '127.0.0.1', port: 4173 },
});
