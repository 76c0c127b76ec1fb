import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import { exited, hasExited, killOnExit, stopChild, stopLeftover } from './process';

/**
 * One process of a multi-process stack, which a test may also crash and
 * bring back: `kill()` is a `kill -9`, `restart()` a graceful stop and a
 * start with the same settings.
 */
export interface Service {
  readonly name: string;
  /** undefined while it is not running. */
  readonly pid: number | undefined;
  /** Where its output goes. */
  readonly logFile: string;
  start(): Promise<void>;
  /** Graceful: its stop signal, then SIGKILL after a grace period. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash: no clean-up of any kind. */
  kill(): Promise<void>;
  restart(): Promise<void>;
}

/** A command to run with its output (stdout and stderr) appended to `logFile`. */
export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
}

export interface ChildServiceSpec extends ProcessSpec {
  /** Records the pid so a later run can stop a process this run's crash left behind. */
  pidFile: string;
  /** Part of the command line that identifies a leftover as ours. */
  leftoverMatch: string;
  stopSignal: NodeJS.Signals;
  stopGraceMs: number;
  /** Polled until true (ready) or it throws/times out. */
  ready: (pid: number) => Promise<boolean>;
  readyTimeoutMs: number;
}

/** Its own process group with `detached`: a Ctrl-C in the terminal reaches only the parent. */
async function spawnLogged(spec: ProcessSpec, detached: boolean): Promise<ChildProcess> {
  const out = await fs.open(spec.logFile, 'a');
  try {
    return spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', out.fd, out.fd], detached });
  } finally {
    await out.close();
  }
}

async function lastLines(file: string, count = 30): Promise<string> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  return text.trimEnd().split('\n').slice(-count).join('\n') || '(no output)';
}

/**
 * A long-running child process with its own log file, in its own process
 * group (a Ctrl-C in the terminal reaches only the parent, which stops the
 * children in order), and signalled if the parent exits without stopping it.
 */
export class ChildService implements Service {
  private child: ChildProcess | undefined;
  private unhookExit: (() => void) | undefined;

  constructor(private readonly spec: ChildServiceSpec) {}

  get name(): string {
    return this.spec.name;
  }

  get logFile(): string {
    return this.spec.logFile;
  }

  get pid(): number | undefined {
    return this.child && !hasExited(this.child) ? this.child.pid : undefined;
  }

  async start(): Promise<void> {
    const { spec } = this;
    if (this.pid !== undefined) throw new Error(`${spec.name} is already running (pid ${this.pid})`);
    const leftover = Number((await fs.readFile(spec.pidFile, 'utf8').catch(() => '')).trim());
    await stopLeftover(leftover, spec.leftoverMatch, spec.stopSignal);

    const child = await spawnLogged(spec, true);
    this.child = child;
    this.unhookExit = killOnExit(child, 'SIGKILL');
    let spawnError: Error | undefined;
    child.once('error', (err) => (spawnError = err));
    if (child.pid) await fs.writeFile(spec.pidFile, `${child.pid}\n`);

    const deadline = Date.now() + spec.readyTimeoutMs;
    let lastError: unknown;
    for (;;) {
      if (spawnError || hasExited(child)) {
        const why = spawnError?.message ?? `it exited (code ${child.exitCode}, signal ${child.signalCode})`;
        throw new Error(`${spec.name} did not start: ${why}. Last lines of ${spec.logFile}:\n${await lastLines(spec.logFile)}`);
      }
      try {
        if (await spec.ready(child.pid!)) return;
      } catch (err) {
        lastError = err;
      }
      if (Date.now() > deadline) {
        await this.kill();
        const why = lastError instanceof Error ? ` (last check: ${lastError.message})` : '';
        throw new Error(
          `${spec.name} not ready after ${spec.readyTimeoutMs / 1000}s${why}. Last lines of ${spec.logFile}:\n${await lastLines(spec.logFile)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async stop(): Promise<void> {
    if (this.child) await stopChild(this.child, this.spec.stopSignal, this.spec.stopGraceMs);
    await this.forget();
  }

  async kill(): Promise<void> {
    if (this.child && !hasExited(this.child)) {
      this.child.kill('SIGKILL');
      await exited(this.child);
    }
    await this.forget();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private async forget(): Promise<void> {
    this.unhookExit?.();
    this.unhookExit = undefined;
    await fs.rm(this.spec.pidFile, { force: true });
  }
}

/** Runs a command to its end; throws unless it exits 0. */
export async function runToCompletion(spec: ProcessSpec): Promise<void> {
  const child = await spawnLogged(spec, false);
  const unhookExit = killOnExit(child, 'SIGTERM');
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c, s) => resolve([c, s]));
  }).finally(unhookExit);
  if (code !== 0) {
    throw new Error(`${spec.name} failed (${signal ?? `exit code ${code}`}). Last lines of ${spec.logFile}:\n${await lastLines(spec.logFile)}`);
  }
}
