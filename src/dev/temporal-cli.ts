import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';

/**
 * The Temporal CLI (which carries the dev server) is built from its Go module:
 * no binary download works on our machines. v1.5.1 is the newest tag whose
 * go.mod has no `replace` directive, which `go install` refuses.
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

/** `~/.cache/switchboard/temporal-v1.5.1` (XDG_CACHE_HOME respected): outside the checkout, kept across clones. */
export function temporalCliCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'switchboard', `temporal-${TEMPORAL_CLI_VERSION}`);
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return false;
    await fs.access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findOnPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
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

/**
 * The path of a Temporal CLI: `TEMPORAL_CLI_PATH` → `temporal` on PATH → the
 * cache → build it with Go into the cache (a few minutes, once per machine).
 */
export async function findOrBuildTemporalCli(log: Logger, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.TEMPORAL_CLI_PATH) {
    const explicit = path.resolve(env.TEMPORAL_CLI_PATH);
    if (await isExecutable(explicit)) return explicit;
    throw new Error(`TEMPORAL_CLI_PATH is set to ${explicit}, which is not an executable file`);
  }

  const onPath = await findOnPath('temporal', env);
  if (onPath) return onPath;

  const cacheDir = temporalCliCacheDir(env);
  const cached = path.join(cacheDir, 'temporal');
  if (await isExecutable(cached)) return cached;

  const go = await findGo(env);
  if (!go) {
    throw new Error(
      'The Temporal CLI was not found and cannot be built: Go is not installed. ' +
        'Either set TEMPORAL_CLI_PATH to a `temporal` binary (or put one on PATH), ' +
        `or install Go so Switchboard can build ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION} into ${cacheDir}. ` +
        'Alternatively set TEMPORAL_ADDRESS to use a running Temporal server.',
    );
  }

  await fs.mkdir(cacheDir, { recursive: true });
  // warn: shown even where logs are quiet (tests), since the wait is long.
  log.warn(
    { cacheDir },
    `Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go; this takes a few minutes, once per machine`,
  );
  const started = Date.now();
  await run(go, ['install', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], { ...env, GOBIN: cacheDir }, log);
  if (!(await isExecutable(cached))) {
    throw new Error(`go install finished but ${cached} is not there`);
  }
  log.info({ path: cached, seconds: Math.round((Date.now() - started) / 1000) }, 'Temporal CLI built');
  return cached;
}
