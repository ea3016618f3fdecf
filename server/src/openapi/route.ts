import type { RequestHandler } from 'express';
import { buildDocument } from './document';
import { operations } from './operations';

const build = () => {
  const document = buildDocument(operations);
  return { document, json: JSON.stringify(document) };
};
let built: ReturnType<typeof build> | undefined;
// Once per process: the routes and their schemas do not change while it runs.
const once = () => (built ??= build());

export const openApiDocument = () => once().document;

/**
 * GET /api/openapi.json, public: it describes shapes, never data, and the form's and the console's bundles already
 * carry every route; an agent route stays behind its session whoever reads its description.
 */
export function openApiRoute(): RequestHandler {
  // Built at the first request, not at start-up: a few hundred milliseconds every process and test app would pay.
  return (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300');
    res.type('application/json').send(once().json);
  };
}
