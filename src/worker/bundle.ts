import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));

const DOMAIN_DIR = fileURLToPath(new URL('../domain/', import.meta.url));
const PROCESSES_PATH = fileURLToPath(new URL('../processes/index.ts', import.meta.url));

/**
 * Loaded once per workflow thread and shared by every workflow in it, instead
 * of once per workflow: the process definitions (their TypeBox forms, and
 * TypeBox itself: half the bundle) and the business rules. A workflow's
 * modules are otherwise evaluated anew for each run the worker starts or
 * replays, and kept per cached run: measured, that was a fifth of the
 * workflow thread's time and most of a cached run's memory
 * (docs/benchmarks.md). Safe because these modules hold no per-workflow
 * state: they are pure (the determinism lint covers src/domain and
 * src/processes), and the SDK freezes what they export.
 */
const SHARED_MODULES = [
  'typebox',
  PROCESSES_PATH,
  ...readdirSync(DOMAIN_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${DOMAIN_DIR}${f}`),
];

/** Bundles the workflow code once, for a worker process or a whole test run. */
export function bundleWorkflows(): Promise<WorkflowBundle> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, preloadModules: SHARED_MODULES, logger: quietBundlerLogger });
}

const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string, meta?: object) => console.warn(message, meta ?? ''),
  error: (message: string, meta?: object) => console.error(message, meta ?? ''),
};
