import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// In development, /appeal and /appeal/status open the appeal page as the server does in production.
const appealPages = (): Plugin => ({
  name: 'appeal-pages',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const match = /^\/appeal(?:\/status)?\/?(\?.*)?$/.exec(req.url ?? '');
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
    rolldownOptions: {
      // Two pages, two bundles: the agents' console and the public appeal form (no MUI, no react-admin).
      input: { console: page('index.html'), appeal: page('appeal.html') },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
