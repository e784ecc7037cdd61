import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The portal SPA. `npx nx run portal:build` writes dist/apps/portal, which the gateway serves
 * at `/`; `npx nx run portal:serve` runs Vite's dev server and sends /api, /auth and /health to
 * a gateway on KETENREGIE_GATEWAY_URL (default http://localhost:8080, the one `npm start` runs).
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@ketenregie/shared-kernel': `${workspace}/libs/shared/kernel/src/index.ts` },
  },
  build: {
    outDir: `${workspace}/dist/apps/portal`,
    emptyOutDir: true,
    sourcemap: true,
    reportCompressedSize: true,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/auth', '/health'].map((prefix) => [prefix, process.env.KETENREGIE_GATEWAY_URL ?? 'http://localhost:8080'])),
  },
});
