import crypto from 'node:crypto';
import type { Db } from '../db/client';
import type { SqlReader } from '../db/reader';
import { Prisma, type Agent } from '../generated/prisma/client';

export const sessionCookie = 'hd_session';

const digest = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, agentId: number, ttlMs: number, meta: { ip?: string; userAgent?: string }) {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.session.create({
    data: { id: digest(token), agentId, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null },
  });
  return { token, expiresAt };
}

type SessionWithAgent = Agent & { sessionExpiresAt: Date; sessionLastSeenAt: Date };

/** The signed-in agent for a cookie token, sliding the expiry forward; null when unknown or expired. */
export async function resolveSession(db: Db, reader: SqlReader, token: string, ttlMs: number): Promise<Agent | null> {
  const id = digest(token);
  // Every request asks this: one joined statement, through the reader rather than Prisma's `include`.
  const [row] = await reader.all<SessionWithAgent>(Prisma.sql`
    SELECT a.*, s."expiresAt" AS "sessionExpiresAt", s."lastSeenAt" AS "sessionLastSeenAt"
    FROM "Session" s JOIN "Agent" a ON a."id" = s."agentId" WHERE s."id" = ${id}`);
  const now = Date.now();
  if (!row) return null;
  const { sessionExpiresAt, sessionLastSeenAt, ...agent } = row;
  if (sessionExpiresAt.getTime() <= now || !agent.active) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  // Write at most once a minute: every request touching the row would serialise on SQLite.
  if (now - sessionLastSeenAt.getTime() > 60_000) {
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(now), expiresAt: new Date(now + ttlMs) } });
  }
  return agent;
}

export async function endSession(db: Db, token: string) {
  await db.session.deleteMany({ where: { id: digest(token) } });
}

/** The stored id of a session: what a long-lived stream keeps to ask again whether its session still stands. */
export const sessionIdOf = (token: string) => digest(token);

/** Which of these sessions still stand: not signed out, not expired, their agent still active. One query for all. */
export async function standingSessions(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.session.findMany({
    where: { id: { in: ids }, expiresAt: { gt: new Date() }, agent: { active: true } },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}
