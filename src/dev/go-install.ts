import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';

/**
 * Temporal's binaries are built from their Go modules (no binary download
 * works on our machines) into a cache outside the checkout, kept across
 * clones: `~/.cache/switchboard/<name>` (XDG_CACHE_HOME respected).
 */
export function switchboardCacheDir(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'switchboard', name);
}

export async function isExecutable(file: string): Promise<boolean> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return false;
    await fs.access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function findOnPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function findGo(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const onPath = await findOnPath('go', env);
  if (onPath) return onPath;
  // The official tarball's place, often missing from non-login shells' PATH.
  for (const candidate of ['/usr/local/go/bin/go', path.join(os.homedir(), 'go', 'bin', 'go')]) {
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, log: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        log.debug({ tool: 'go' }, line);
        tail.push(line);
        if (tail.length > 30) tail.shift();
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit code ${code}`}):\n${tail.join('\n')}`));
    });
  });
}

export interface GoInstallOptions {
  /** What is built, for messages: 'the Temporal CLI v1.5.1'. */
  what: string;
  /** `module/path/cmd/x@version`, one or more. */
  packages: string[];
  /** GOBIN: where the binaries land. */
  cacheDir: string;
  /** Told to the user when Go is missing: what else they can do. */
  otherwise: string;
  log: Logger;
  env?: NodeJS.ProcessEnv;
}

/** `go install <packages>` into `cacheDir` (a few minutes, once per machine). */
export async function goInstall({ what, packages, cacheDir, otherwise, log, env = process.env }: GoInstallOptions): Promise<void> {
  const go = await findGo(env);
  if (!go) {
    throw new Error(
      `${what} was not found and cannot be built: Go is not installed. ${otherwise} ` +
        `Or install Go so Switchboard can build ${packages.join(' ')} into ${cacheDir}.`,
    );
  }
  await fs.mkdir(cacheDir, { recursive: true });
  // warn: shown even where logs are quiet (tests), since the wait is long.
  log.warn({ cacheDir }, `Building ${what} with Go; this takes a few minutes, once per machine`);
  const started = Date.now();
  await run(go, ['install', ...packages], { ...env, GOBIN: cacheDir }, log);
  log.info({ cacheDir, seconds: Math.round((Date.now() - started) / 1000) }, `${what} built`);
}
