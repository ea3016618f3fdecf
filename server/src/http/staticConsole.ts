import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Response } from 'express';
import { projectRoot } from '../projectRoot';

export const consoleDir = path.join(projectRoot, 'dist/admin-ui');

/**
 * Serves the built pages: the public appeal form (its own bundle) under /appeal, and the agents' console for
 * every other non-API path, so client-side routes survive a reload.
 */
export function staticConsole(dir = consoleDir): Router {
  const router = Router();
  const page = (name: string) => (_req: unknown, res: Response, next: () => void) => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) return next();
    res.set('Cache-Control', 'no-cache');
    res.sendFile(file);
  };
  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  router.get(/^\/appeal(\/.*)?$/, page('appeal.html'));
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  router.get(/^(?!\/api\/).*/, page('index.html'));
  return router;
}
