import path from 'node:path';

export const defaultDatabaseUrl = 'file:./data/helpdesk.db';

export type DatabaseKind = 'sqlite' | 'postgresql';

export function databaseKind(url: string): DatabaseKind {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got ${url.split(':')[0]}:)`);
}

/** The SQLite file a `file:` URL names, resolved against the working directory. */
export function sqliteFileFromUrl(url: string): string {
  const file = url.replace(/^file:/, '').replace(/\?.*$/, '');
  return path.resolve(file);
}
