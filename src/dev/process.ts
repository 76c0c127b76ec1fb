import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';

/** The last lines a child printed, for error messages. */
export class OutputTail {
  private lines: string[] = [];
  constructor(private readonly max = 40) {}

  push(chunk: Buffer | string, each?: (line: string) => void): void {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      each?.(line);
      this.lines.push(line);
      if (this.lines.length > this.max) this.lines.shift();
    }
  }

  toString(): string {
    return this.lines.length ? this.lines.join('\n') : '(no output)';
  }
}

/**
 * Signal the child when this process exits by itself (a thrown error,
 * process.exit, a signal handler that exits); not on kill -9 (see
 * stopWithUs). Returns the function that removes the hook once the child
 * has been stopped properly.
 */
export function killOnExit(child: ChildProcess, signal: NodeJS.Signals): () => void {
  const hook = () => {
    if (!hasExited(child)) {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', hook);
  return () => process.off('exit', hook);
}

// The watchdog: blocks reading a pipe nobody writes to; end of file means the parent is gone.
// Then: signal the child, give it `grace` tenths of a second, SIGKILL it if it is still there.
const WATCHDOG =
  'read _; kill -0 "$1" 2>/dev/null || exit 0; kill -"$2" "$1"; i=0; ' +
  'while kill -0 "$1" 2>/dev/null; do i=$((i+1)); if [ "$i" -gt "$3" ]; then kill -KILL "$1"; exit 0; fi; sleep 0.1; done';

/**
 * Stop `child` when this process ends, however it ends: an error, a
 * process.exit, a signal, or kill -9, which no exit hook survives. The
 * children we start are detached (their own process group, so a Ctrl-C
 * reaches only us and we stop them in order), so nothing else would. A
 * watchdog per child, a tiny shell outside our process group, holds a pipe
 * from us: when we are gone the pipe closes, and it sends `signal`, then
 * SIGKILL after `graceMs`. `label` shows in its command line (`ps`).
 * Returns the function that dismisses it (also done when the child exits).
 */
export function stopWithUs(child: ChildProcess, signal: NodeJS.Signals, label: string, graceMs = 10_000): () => void {
  if (child.pid === undefined) return () => undefined;
  const watchdog = spawn('sh', ['-c', WATCHDOG, 'switchboard-watchdog', String(child.pid), signal.slice(3), String(Math.ceil(graceMs / 100)), label], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.on('error', () => undefined); // no sh: we still stop the child ourselves on a normal exit
  // Neither it nor its pipe keeps us running.
  watchdog.unref();
  (watchdog.stdin as (typeof watchdog.stdin & { unref?: () => void }) | null)?.unref?.();
  const dismiss = () => {
    if (!hasExited(watchdog)) watchdog.kill('SIGKILL');
  };
  child.once('exit', dismiss);
  return dismiss;
}

export function hasExited(child: ChildProcess): boolean {
  // No pid: it never started (spawn failed).
  return child.pid === undefined || child.exitCode !== null || child.signalCode !== null;
}

/** Resolves when the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Send `signal`, wait up to `graceMs`, then SIGKILL and wait for the exit. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (hasExited(child)) return;
  const done = exited(child);
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    done.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    child.kill('SIGKILL');
    await done;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stop a process an earlier run left behind (its parent was killed before it
 * could stop it), if `pid` is alive and its command line contains `match`.
 * Returns true if there was one.
 */
export async function stopLeftover(pid: number, match: string, signal: NodeJS.Signals, graceMs = 10_000): Promise<boolean> {
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || !isAlive(pid)) return false;
  let cmdline: string;
  try {
    cmdline = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
  } catch {
    return false; // no /proc (macOS) or gone: leave it alone
  }
  if (!cmdline.includes(match)) return false;
  process.kill(pid, signal);
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
