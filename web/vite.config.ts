import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web UI is built into web/dist and served by `toolsmith serve` at `/`; nothing loads from a CDN.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: path.join(import.meta.dirname, 'dist'), emptyOutDir: true, sourcemap: false },
  // `vite --config web/vite.config.ts` during development: the API from a running `toolsmith serve`.
  server: { proxy: { '/api': 'http://127.0.0.1:5000' } },
});
