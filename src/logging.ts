import { maskPersonalData } from './domain/masking';

/**
 * Never logged: credentials are cut out; customers' personal data (phone and
 * identity numbers, addresses, e-mail, names, wherever they sit in a logged
 * object) is masked by the one rule of src/domain/masking.ts. Every logger
 * of the service (API, worker, CLI) is made with these options.
 */
export const PRIVATE_LOGGING = {
  redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'], censor: '[redacted]' },
  formatters: { log: (record: Record<string, unknown>) => maskPersonalData(record) },
};
