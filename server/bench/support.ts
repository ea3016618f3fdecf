import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
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

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

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
