/**
 * Vite configuration for the Truce browser app. The app lives in `web/`, builds to `web/dist`,
 * and compiles TSX with Vite's built-in oxc transformer using React's automatic JSX runtime
 * (no React plugin needed). It also imports the pure record verification code from
 * `src/core/record`, shared with the server and CLI, so the dev server may read the whole
 * repository. In development, API, record and documentation paths go to the local server. The
 * build also writes brotli and gzip copies of each asset for the server to send.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const serverOrigin = process.env['TRUCE_DEV_SERVER'] ?? 'http://127.0.0.1:8080';
const proxied = ['/api', '/record/', '/openapi.json', '/docs', '/healthz', '/readyz'];

/** The one Vite configuration: build with `vite build --config web/vite.config.ts`. */
export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  // Brotli and gzip copies of every script, style and data file beside it, which the server
  // sends to browsers that accept them (@fastify/static preCompressed): the map's chunk goes
  // from about 1 MB to 300 kB without compressing on each request.
  plugins: [
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(js|mjs|css|html|json|svg)$/,
      // Every file, however small: with preCompressed, @fastify/static serves `/` to a client
      // that accepts brotli from index.html.br, and answers 404 when there is none.
      threshold: 0,
    }),
  ],
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
