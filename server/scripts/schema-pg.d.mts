/** The PostgreSQL schema text written from the SQLite one (prisma/schema.prisma). */
export function postgresSchema(text: string): string;
