/**
 * Vite configuration for the Truce browser app. The app lives in `web/`, builds to `web/dist`,
 * and compiles TSX with Vite's built-in oxc transformer using React's automatic JSX runtime
 * (no React plugin needed). It also imports the pure record verification code from
 * `src/core/record`, shared with the server and CLI, so the dev server may read the whole
 * repository. In development, API, record and documentation paths go to the local server.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const serverOrigin = process.env['TRUCE_DEV_SERVER'] ?? 'http://127.0.0.1:8080';
const proxied = ['/api', '/record/', '/openapi.json', '/docs', '/healthz', '/readyz'];

/** The one Vite configuration: build with `vite build --config web/vite.config.ts`. */
export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The zones map's chunk is MapLibre (about 1 MB minified, 300 kB gzip); it loads only when
    // the map is opened, so the usual 500 kB warning would only cry wolf.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    fs: { allow: [repositoryRoot] },
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: serverOrigin }])),
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: serverOrigin }])),
  },
});
