// The determinism rules of the house (architecture.md): workflow code is
// replayed, so it may only use deterministic code; domain rules run inside
// workflows too, so they are pure. Everything else is left to tsc.
import tseslint from 'typescript-eslint';

const NO_IO = {
  paths: ['pg', 'kysely', 'pino', 'fastify', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'].map((name) => ({
    name,
    message: 'workflow and domain code must not do I/O; use an activity',
    allowTypeImports: true,
  })),
  patterns: [
    { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'net', 'http', 'https'], message: 'no Node built-ins in deterministic code' },
    { group: ['**/activities/*', '!**/activities/index'], message: 'import only types from activities', allowTypeImports: true },
    { group: ['**/src/db/*', '**/src/api/*', '**/src/adapters/*', '**/src/store/*'], message: 'workflow and domain code must not do I/O', allowTypeImports: true },
  ],
};

export default tseslint.config(
  {
    files: ['workflows/**/*.ts', 'src/domain/**/*.ts', 'src/processes/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', NO_IO],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'use sleep() or condition() from @temporalio/workflow' },
        { name: 'setInterval', message: 'use sleep() in a loop' },
        { name: 'process', message: 'no process state in deterministic code' },
      ],
    },
  },
  {
    // Domain rules take the time as an argument: the caller decides what "now" is.
    files: ['src/domain/**/*.ts', 'src/processes/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'take the time as a parameter' },
        { object: 'Math', property: 'random', message: 'domain rules are pure' },
      ],
      'no-restricted-syntax': ['error', { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'take the time as a parameter' }],
    },
  },
);
