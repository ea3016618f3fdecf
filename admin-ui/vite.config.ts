import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// In development, /appeal and /appeal/status open the appeal page as the server does in production.
const appealPages = (): Plugin => ({
  name: 'appeal-pages',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const match = /^\/appeal(?:\/status|\/object)?\/?(\?.*)?$/.exec(req.url ?? '');
      if (match) req.url = `/appeal.html${match[1] ?? ''}`;
      next();
    });
  },
});

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), appealPages()],
  build: {
    outDir: '../dist/admin-ui',
    emptyOutDir: true,
    // .vite/manifest.json: server/scripts/bundle-report.mjs reads it to check each page against its budget.
    manifest: true,
    // The react-admin chunk is over Vite's 500 kB default; the budgets in bundle-report.mjs are the check that counts.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Two pages, two bundles: the agents' console and the public appeal form (no MUI, no react-admin).
      input: { console: page('index.html'), appeal: page('appeal.html') },
      output: {
        // Named vendor chunks; left to itself rolldown names a shared chunk after one of its modules ("Title-….js").
        codeSplitting: {
          groups: [
            // All that the console and the form share.
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // react-admin, MUI and their dependencies as far as the login page and the layout need them.
            { name: 'react-admin', test: /[\\/]node_modules[\\/]/, tags: ['$initial'] },
            // The rest of them (lists, forms, show views), fetched with the first page instead of dozens of slivers.
            { name: 'react-admin-pages', test: /[\\/]node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
