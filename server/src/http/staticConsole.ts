import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

export const consoleDir = path.resolve(import.meta.dirname, '../../../dist/admin-ui');

/** Serves the built console; any other non-API GET gets index.html so client-side routes survive a reload. */
export function staticConsole(dir = consoleDir): Router {
  const router = Router();
  const index = path.join(dir, 'index.html');
  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  router.get(/^(?!\/api\/).*/, (_req, res, next) => {
    if (!fs.existsSync(index)) return next();
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
