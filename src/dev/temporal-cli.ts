import path from 'node:path';
import type { Logger } from 'pino';
import { findOnPath, goInstall, isExecutable, switchboardCacheDir } from './go-install';

/**
 * The Temporal CLI (which carries the dev server) is built from its Go module.
 * v1.5.1 is the newest tag whose go.mod has no `replace` directive, which
 * `go install` refuses.
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

/** `~/.cache/switchboard/temporal-v1.5.1` (XDG_CACHE_HOME respected): outside the checkout, kept across clones. */
export function temporalCliCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return switchboardCacheDir(`temporal-${TEMPORAL_CLI_VERSION}`, env);
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

  await goInstall({
    what: `the Temporal CLI ${TEMPORAL_CLI_VERSION}`,
    packages: [`${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`],
    cacheDir,
    otherwise:
      'Set TEMPORAL_CLI_PATH to a `temporal` binary (or put one on PATH), or TEMPORAL_ADDRESS to use a running Temporal server.',
    log,
    env,
  });
  if (!(await isExecutable(cached))) throw new Error(`go install finished but ${cached} is not there`);
  return cached;
}
