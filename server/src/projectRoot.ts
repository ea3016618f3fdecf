import fs from 'node:fs';
import path from 'node:path';

/**
 * The repository's root: the nearest folder above this module holding prisma/schema.prisma. The same answer whether
 * the server runs from its TypeScript sources (server/src/…) or from the compiled bundle (dist/server/).
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'prisma', 'schema.prisma'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No prisma/schema.prisma above ${from}: run the server from the project's folder`);
  }
}

export const projectRoot = findRoot(import.meta.dirname);
