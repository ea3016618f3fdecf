import crypto from 'node:crypto';
import net from 'node:net';
import { Router, type Request } from 'express';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { openStatuses } from '../contract/statuses';
import { outboxBacklog, outboxFailed, registry, slaBreaches } from './registry';

/** Addresses and subnets (`10.0.0.0/8`, `::1`) in one list; an IPv4 address seen as `::ffff:a.b.c.d` counts as IPv4. */
export function allowList(entries: readonly string[]): (address: string | undefined) => boolean {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = net.isIPv6(address!) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address!, family);
    else list.addSubnet(address!, Number(prefix), family);
  }
  return (address) => {
    if (!address) return false;
    const plain = address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
    return list.check(plain, net.isIPv6(plain) ? 'ipv6' : 'ipv4');
  };
}

const sameSecret = (given: string, expected: string) => {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
};

/**
 * GET /metrics in Prometheus's text format, for a scraper holding METRICS_TOKEN (Bearer) or calling from a
 * METRICS_ALLOW network (the connection's own address: a forwarded header cannot claim it). With neither set, there
 * is no such page.
 */
export function metricsRoutes({ db, config }: AppContext): Router {
  const router = Router();
  const fromAllowed = allowList(config.metrics.allow);
  const permitted = (req: Request) => {
    const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (config.metrics.token && bearer && sameSecret(bearer, config.metrics.token)) return true;
    return fromAllowed(req.socket.remoteAddress);
  };
  router.get('/metrics', async (req, res) => {
    if (!config.metrics.token && config.metrics.allow.length === 0) throw new HttpError(404, 'NOT_FOUND', 'Not found');
    if (!permitted(req)) throw new HttpError(403, 'FORBIDDEN', 'Metrics are for the configured scraper only');
    const [outbox, overdue] = await Promise.all([
      db.notification.groupBy({
        by: ['channel', 'status'],
        where: { status: { in: ['pending', 'sending', 'failed'] } },
        _count: { _all: true },
      }),
      db.ticket.count({ where: { status: { in: [...openStatuses] }, slaPausedAt: null, slaDueAt: { lt: new Date() } } }),
    ]);
    outboxBacklog.reset();
    outboxFailed.reset();
    for (const channel of ['email', 'sms']) {
      outboxBacklog.set({ channel }, 0);
      outboxFailed.set({ channel }, 0);
    }
    for (const row of outbox) (row.status === 'failed' ? outboxFailed : outboxBacklog).inc({ channel: row.channel }, row._count._all);
    slaBreaches.set(overdue);
    res.set('Content-Type', registry.contentType);
    res.set('Cache-Control', 'no-store');
    res.send(await registry.metrics());
  });
  return router;
}
