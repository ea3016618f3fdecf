import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export type Frame = { event: string; data: unknown };

/** An app listening on a free port, as a browser's EventSource needs a real connection. */
export async function listen(app: Express) {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Reads a Server-Sent Events stream as a browser would, keeping every frame and the raw text (comments included),
 * so a test can wait for the frame it expects and look at everything the stream carried.
 */
export function openStream(url: string, cookie?: string) {
  const frames: Frame[] = [];
  let raw = '';
  let pending = '';
  let ended = false;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  let request: http.ClientRequest;

  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    request = http.get(url, { headers: { Accept: 'text/event-stream', ...(cookie ? { Cookie: cookie } : {}) } }, (res) => {
      resolve(res);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        raw += chunk;
        pending += chunk;
        for (let end = pending.indexOf('\n\n'); end >= 0; end = pending.indexOf('\n\n')) {
          const block = pending.slice(0, end);
          pending = pending.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) frames.push({ event, data: JSON.parse(data) });
        }
        notify();
      });
      res.on('end', () => {
        ended = true;
        notify();
      });
      res.on('close', () => {
        ended = true;
        notify();
      });
    });
    request.on('error', (err) => (ended ? undefined : reject(err)));
  });

  /** Resolves when `check` holds (checked on every chunk), or fails after `timeoutMs` saying what arrived. */
  function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
    return new Promise((resolve, reject) => {
      const test = () => {
        const found = check();
        if (found) {
          listeners.delete(test);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(test);
        reject(new Error(`timed out waiting for ${what}; the stream carried:\n${raw}`));
      }, timeoutMs);
      listeners.add(test);
      test();
    });
  }

  return {
    response,
    frames,
    get raw() {
      return raw;
    },
    get ended() {
      return ended;
    },
    until,
    /** The first frame of this event (after `from` frames) that matches. */
    next<T = Record<string, unknown>>(event: string, match: (data: T) => boolean = () => true, from = 0) {
      return until(
        () => frames.slice(from).find((f) => f.event === event && match(f.data as T)) as { event: string; data: T } | undefined,
        `a "${event}" frame`,
      );
    },
    closed: () => until(() => ended, 'the stream to end'),
    close: () => request.destroy(),
  };
}

export type LiveStream = ReturnType<typeof openStream>;
