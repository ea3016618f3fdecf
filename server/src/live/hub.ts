import type { Response } from 'express';
import type { Logger } from 'pino';
import { standingSessions } from '../auth/sessions';
import type { Db } from '../db/client';
import { createChangeFeed, type PresenceChange, type TicketChange } from './changeFeed';
import { forgetStalePresence } from './presence';

type Subscriber = { res: Response; agentId: number; sessionId: string };

export type LiveHub = ReturnType<typeof createLiveHub>;

/** Every hub of this process, so that shutting down can end their streams (an open stream would hold the server). */
const hubs = new Set<LiveHub>();

/** Ends every live stream of this process and stops its polling: the server can then close. */
export function closeLiveStreams(): void {
  for (const hub of hubs) hub.close();
}

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Old presence rows are swept about once a minute, by whichever process reads at that moment. */
const sweepEvery = 60;

/**
 * One poller for all of this app's subscribers: it runs only while someone listens, reads the shared database
 * every `pollMs`, and writes what changed to each stream. A stream whose session has ended is closed at the next read.
 */
export function createLiveHub(db: Db, log: Logger, { pollMs, keepAliveMs }: { pollMs: number; keepAliveMs: number }) {
  const subscribers = new Set<Subscriber>();
  const feed = createChangeFeed(db);
  let timer: NodeJS.Timeout | undefined;
  let keepAlive: NodeJS.Timeout | undefined;
  let reading: Promise<void> | undefined;
  let reads = 0;
  /** The presence of every ticket as of the last read, for a stream that joins between reads. */
  let presenceNow: PresenceChange[] = [];
  /** Streams waiting for the first read, which learns where things stand, before being told anything. */
  let waiting: Subscriber[] = [];

  const send = (s: Subscriber, chunk: string) => {
    if (!s.res.writableEnded) s.res.write(chunk);
  };
  const end = (s: Subscriber) => {
    subscribers.delete(s);
    if (!s.res.writableEnded) s.res.end();
    if (subscribers.size === 0) stop();
  };

  function greet(s: Subscriber) {
    send(s, frame('hello', { presence: presenceNow }));
  }

  async function readOnce() {
    const ids = [...new Set([...subscribers].map((s) => s.sessionId))];
    const standing = await standingSessions(db, ids);
    for (const s of [...subscribers]) if (!standing.has(s.sessionId)) end(s);
    if (subscribers.size === 0) return;
    const { tickets, presence, presenceNow: all } = await feed.read();
    presenceNow = all;
    const out = tickets
      .map((t: TicketChange) => frame('ticket', t))
      .concat(presence.map((p) => frame('presence', p)))
      .join('');
    if (out) for (const s of subscribers) if (!waiting.includes(s)) send(s, out);
    for (const s of waiting) greet(s);
    waiting = [];
    reads += 1;
    if (reads % sweepEvery === 0) await forgetStalePresence(db);
  }

  function schedule() {
    timer = setTimeout(() => {
      reading = readOnce()
        .catch((err: unknown) => log.warn({ err }, 'live changes could not be read'))
        .finally(() => {
          reading = undefined;
          if (timer) schedule();
        });
    }, pollMs);
    // Never what keeps the process alive.
    timer.unref();
  }

  function start() {
    if (timer) return;
    schedule();
    keepAlive = setInterval(() => {
      for (const s of subscribers) send(s, ': keep-alive\n\n');
    }, keepAliveMs);
    keepAlive.unref();
  }

  function stop() {
    clearTimeout(timer);
    clearInterval(keepAlive);
    timer = undefined;
    keepAlive = undefined;
    // The next subscriber starts from where things then stand, not from what happened while nobody listened.
    feed.reset();
    presenceNow = [];
    reads = 0;
  }

  const hub = {
    /** Takes over the response as an event stream until the client leaves, the session ends or the server stops. */
    subscribe(res: Response, agentId: number, sessionId: string) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-store, no-transform',
        // The connection ends with the stream, so a server shutting down is not held by a socket kept alive.
        Connection: 'close',
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 3000\n\n');
      const s: Subscriber = { res, agentId, sessionId };
      subscribers.add(s);
      res.on('close', () => end(s));
      // A stream joining a running poller is greeted at once; the first one waits for the read that primes it.
      if (timer && !waiting.length && reads > 0) greet(s);
      else waiting.push(s);
      start();
    },
    get size() {
      return subscribers.size;
    },
    close() {
      for (const s of [...subscribers]) end(s);
      waiting = [];
      stop();
      return reading ?? Promise.resolve();
    },
  };
  hubs.add(hub);
  return hub;
}
