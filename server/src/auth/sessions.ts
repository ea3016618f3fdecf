import crypto from 'node:crypto';
import type { Db } from '../db/client';

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

/** The signed-in agent for a cookie token, sliding the expiry forward; null when unknown or expired. */
export async function resolveSession(db: Db, token: string, ttlMs: number) {
  const id = digest(token);
  const session = await db.session.findUnique({ where: { id }, include: { agent: true } });
  const now = Date.now();
  if (!session || session.expiresAt.getTime() <= now || !session.agent.active) {
    if (session) await db.session.deleteMany({ where: { id } });
    return null;
  }
  // Write at most once a minute: every request touching the row would serialise on SQLite.
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(now), expiresAt: new Date(now + ttlMs) } });
  }
  return session.agent;
}

export async function endSession(db: Db, token: string) {
  await db.session.deleteMany({ where: { id: digest(token) } });
}
