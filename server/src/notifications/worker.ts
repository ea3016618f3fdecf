import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { AppContext } from '../context';
import type { Notification } from '../generated/prisma/client';
import { erasedMark } from '../privacy/erasure';
import { maskedRecipient, type EmailSender, type SmsSender } from './transports';
import { outboxSendFailures } from '../metrics/registry';

export type OutboxWorkerOptions = {
  email: EmailSender;
  sms: SmsSender;
  /** Written into `claimedBy`; unique per process by default. */
  workerId?: string;
  /** A claim older than this belongs to a worker that died and is taken again. */
  leaseMs?: number;
  /** Rows read per query; a drain reads batches until nothing is due. */
  batch?: number;
  maxAttempts?: number;
  /** Kept well under the lease, so a slow send fails rather than being sent twice. */
  sendTimeoutMs?: number;
};

export type DrainResult = { sent: number; failed: number; retried: number };

export type OutboxWorker = {
  drainOnce(): Promise<DrainResult>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
};

const hour = 3600_000;

/** Wait before the next try, given the attempts made before this failure: 30 s, 1 min, 2 min, … at most 1 h. */
export const retryDelayMs = (attemptsBefore: number) => Math.min(hour, 30_000 * 2 ** attemptsBefore);

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`send timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Drains the outbox. Safe with several API processes on one database: a row is sent only by the worker whose
 * conditional update moved it to `sending`.
 */
export function createOutboxWorker(ctx: Pick<AppContext, 'db' | 'log'>, options: OutboxWorkerOptions): OutboxWorker {
  const { db } = ctx;
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batch = options.batch ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  const sendTimeoutMs = options.sendTimeoutMs ?? 60_000;
  const log = ctx.log.child({ component: 'outbox', workerId });

  let generation = 0; // stop() bumps it, so a drain already running ends after its current message
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const inFlight = new Set<Promise<DrainResult>>();

  function send(n: Notification): Promise<void> {
    if (n.channel === 'email') return options.email.send({ notificationId: n.id, to: n.recipient, subject: n.subject, text: n.body });
    if (n.channel === 'sms') return options.sms.send({ notificationId: n.id, to: n.recipient, text: n.body });
    return Promise.reject(new Error(`unknown channel ${n.channel}`));
  }

  async function deliver(n: Notification, claimedAt: Date): Promise<keyof DrainResult> {
    const ours = { id: n.id, status: 'sending', claimedBy: workerId, claimedAt };
    const who = { notificationId: n.id, channel: n.channel, to: maskedRecipient(n.channel, n.recipient) };
    try {
      await withTimeout(send(n), sendTimeoutMs);
    } catch (err) {
      const attempts = n.attempts + 1;
      const lastError = errorText(err);
      const final = attempts >= maxAttempts;
      const data = final
        ? { status: 'failed', attempts, lastError }
        : { status: 'pending', attempts, lastError, nextAttemptAt: new Date(Date.now() + retryDelayMs(n.attempts)) };
      await db.notification.updateMany({ where: ours, data });
      outboxSendFailures.inc({ channel: n.channel, final: String(final) });
      log.warn({ ...who, attempts, lastError }, final ? 'notification failed for good' : 'notification failed, will retry');
      return final ? 'failed' : 'retried';
    }
    const { count } = await db.notification.updateMany({ where: ours, data: { status: 'sent', sentAt: new Date(), lastError: null } });
    if (count !== 1) {
      // Erased while it was being sent (server/src/privacy/erasure.ts): no copy of it is kept.
      const now = await db.notification.findUnique({ where: { id: n.id }, select: { recipient: true } });
      if (now === null || now.recipient === erasedMark) {
        await options.email.forget?.(n.id);
        return 'sent';
      }
      log.warn(who, 'notification sent after its claim was taken over; it may be sent twice');
    }
    return 'sent';
  }

  async function drain(gen: number): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, failed: 0, retried: 0 };
    for (let round = 0; round < 100 && gen === generation; round += 1) {
      const now = new Date();
      const due = await db.notification.findMany({
        where: {
          OR: [
            { status: 'pending', nextAttemptAt: { lte: now } },
            { status: 'sending', claimedAt: { lt: new Date(now.getTime() - leaseMs) } },
          ],
        },
        orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
        take: batch,
      });
      for (const n of due) {
        if (gen !== generation) break;
        const claimedAt = new Date();
        // Matches only the row as we read it: of several workers, exactly one moves it to `sending`.
        const { count } = await db.notification.updateMany({
          where: { id: n.id, status: n.status, claimedAt: n.claimedAt, attempts: n.attempts },
          data: { status: 'sending', claimedAt, claimedBy: workerId },
        });
        if (count !== 1) continue;
        if (n.status === 'sending') log.warn({ notificationId: n.id, deadWorker: n.claimedBy }, 'claim of a stopped worker taken over');
        result[await deliver(n, claimedAt)] += 1;
      }
      if (due.length < batch) break;
    }
    return result;
  }

  function drainOnce(): Promise<DrainResult> {
    const work = drain(generation);
    inFlight.add(work);
    const forget = () => inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  function schedule(intervalMs: number) {
    timer = setTimeout(async () => {
      timer = undefined;
      try {
        const r = await drainOnce();
        if (r.sent || r.failed || r.retried) log.info(r, 'outbox drained');
      } catch (err) {
        log.error({ err }, 'outbox drain failed');
      }
      if (running && !timer) schedule(intervalMs);
    }, intervalMs);
    timer.unref();
  }

  return {
    drainOnce,
    start(intervalMs) {
      if (running) return;
      running = true;
      schedule(intervalMs);
    },
    async stop() {
      running = false;
      generation += 1;
      clearTimeout(timer);
      timer = undefined;
      await Promise.allSettled([...inFlight]);
    },
  };
}
