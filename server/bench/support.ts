import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Resident and peak memory of a process, from /proc (Linux), in MiB. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

export type StartedChild = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** A Node child process, resolved once it prints `readyText`; the benches and the process-level tests share it. */
export function startChild(
  args: string[],
  env: Record<string, string>,
  readyText: string,
  options: { cwd?: string; timeoutMs?: number; onSpawn?: (child: ChildProcess) => void } = {},
): Promise<StartedChild> {
  let log = '';
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  options.onSpawn?.(child);
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child did not start:\n${log}`));
    }, options.timeoutMs ?? 120_000);
    child.stdout!.on('data', () => {
      if (log.includes(readyText)) {
        clearTimeout(timer);
        resolve({ child, output: () => log, exited });
      }
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code}:\n${log}`)));
  });
}

/** The value below which a share q of the samples fall (nearest rank). */
export const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Signs in as the demo agent over HTTP; the session cookie and who it is. */
export async function signInDemoAgent(base: string): Promise<{ cookie: string; agentId: number }> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'agent@example.com', password: 'helpdesk-demo' }),
  });
  if (login.status !== 200) throw new Error(`sign-in refused: ${login.status} ${await login.text()}`);
  const { agent } = (await login.json()) as { agent: { id: number } };
  return { cookie: login.headers.get('set-cookie')!.split(';')[0]!, agentId: agent.id };
}

/** s3rver on a free loopback port, in its own process; resolves with its address. Shared by the S3 tests and the load. */
export async function startS3rver(directory: string): Promise<{ process: ChildProcess; endpoint: string }> {
  const cli = createRequire(import.meta.url).resolve('s3rver/bin/s3rver.js');
  // s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only offers in its legacy provider.
  const child = spawn(process.execPath, ['--openssl-legacy-provider', cli, '-d', directory, '-a', '127.0.0.1', '-p', '0', '--silent'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on ([\d.]+):(\d+)/.exec(output);
      if (match) resolve(`http://${match[1]}:${match[2]}`);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}): ${output}`)));
  });
  return { process: child, endpoint: await listening };
}

/**
 * A test-only round-robin proxy on loopback: each new request goes to the next of `ports`, streamed both ways, so a
 * load sees several server processes as one address (as a load balancer would show them). Counts what each one got.
 */
export async function roundRobin(ports: number[]): Promise<{ port: number; served: number[]; close: () => Promise<void> }> {
  const served = ports.map(() => 0);
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const proxy = http.createServer((req, res) => {
    const i = next;
    next = (next + 1) % ports.length;
    served[i]! += 1;
    const upstream = http.request(
      { host: '127.0.0.1', port: ports[i], method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  return {
    port,
    served,
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

/**
 * POSTs a prepared body with node:http, as autocannon sends its requests. The bench times the server: fetch (undici)
 * spent about 150 ms of its own copying and streaming a 25 MiB body, which a timed request would have counted.
 */
export function post(url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
