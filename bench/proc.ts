import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** Children still running, so a failing run does not leave servers behind. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

export interface Measured {
  code: number | null;
  wallMs: number;
  /** Peak resident set size of the child, in MB (null if it could not be read). */
  peakRssMb: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
let timeUsable: boolean | undefined;

/** Whether GNU time with `-v` (which reports the child's maximum RSS) is installed here. */
export function gnuTimeAvailable(): boolean {
  if (timeUsable === undefined) {
    const r = fs.existsSync(GNU_TIME) ? spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' }) : undefined;
    timeUsable = r?.status === 0 && /Maximum resident set size/.test(r.stderr);
  }
  return timeUsable;
}

/** How peak RSS is measured on this machine (printed in the report). */
export function rssMethod(): string {
  return gnuTimeAvailable() ? '`/usr/bin/time -v` (maximum resident set size)' : '`VmHWM` from /proc/<pid>/status, polled every 100 ms';
}

/**
 * Runs a command to completion and measures wall time and peak RSS: through GNU time when present,
 * otherwise by polling the child's VmHWM (the kernel's own high-water mark) every 100 ms.
 */
export function runMeasured(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Measured> {
  const viaTime = gnuTimeAvailable();
  const started = performance.now();
  const child = viaTime ? spawn(GNU_TIME, ['-v', cmd, ...args], { env: opts.env, cwd: opts.cwd }) : spawn(cmd, args, { env: opts.env, cwd: opts.cwd });
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let hwmKb = 0;
  const poll = viaTime
    ? undefined
    : setInterval(() => {
        const kb = readStatusKb(child.pid, 'VmHWM');
        if (kb !== null) hwmKb = Math.max(hwmKb, kb);
      }, 100);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - started;
      live.delete(child);
      if (poll) clearInterval(poll);
      let peakRssMb: number | null = hwmKb > 0 ? hwmKb / 1024 : null;
      if (viaTime) {
        // GNU time appends its report to stderr, starting with "Command being timed".
        const at = stderr.lastIndexOf('\tCommand being timed:');
        const report = at >= 0 ? stderr.slice(at) : '';
        if (at >= 0) stderr = stderr.slice(0, at);
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        peakRssMb = m ? Number(m[1]) / 1024 : null;
        const exit = /Exit status: (\d+)/.exec(report);
        if (exit) code = Number(exit[1]);
      }
      resolve({ code, wallMs, peakRssMb, stdout, stderr });
    });
  });
}

function readStatusKb(pid: number | undefined, field: string): number | null {
  if (!pid) return null;
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Runs a short command and throws with its output if it fails. */
export async function runChecked(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<string> {
  const child = spawn(cmd, args, { env: opts.env, cwd: opts.cwd });
  live.add(child);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  live.delete(child);
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${out.trim()}`);
  return out;
}

export interface Server {
  child: ChildProcess;
  /** Everything the child printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts a long-running child and resolves once `ready` (polled every 100 ms) says it is up. */
export async function startServer(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; ready: (output: string) => Promise<boolean>; timeoutMs?: number },
): Promise<Server> {
  const child = spawn(cmd, args, { env: opts.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: Server = {
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      live.delete(child);
    },
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${cmd} ${args.join(' ')} exited with ${child.exitCode} before it was ready:\n${out.trim()}`);
    if (await opts.ready(out).catch(() => false)) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${cmd} ${args.join(' ')} not ready after ${opts.timeoutMs ?? 30_000} ms:\n${out.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** True once GET `url` answers 200. */
export async function answers(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
  await res.arrayBuffer();
  return res.ok;
}
