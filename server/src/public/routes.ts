import { Router } from 'express';
import { publicCatalog } from '../catalog';

export function publicRoutes(): Router {
  const router = Router();
  const catalogJson = JSON.stringify(publicCatalog());
  router.get('/catalog', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300');
    res.type('application/json').send(catalogJson);
  });
  return router;
}
