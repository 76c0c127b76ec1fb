/**
 * JSON Schema validation. Bodies are validated strictly: no type coercion
 * (`"100"` is not an integer), no removal of unknown fields (they are
 * refused), no defaults filled in. Query strings, params and headers are
 * text on the wire, so there scalars are coerced (`?limit=20`). Every
 * `date-time` and `date`, in any schema (task forms included), must also be
 * one our records can hold (src/domain/storable.ts).
 */
import AjvModule, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { isSaneDay, isSaneTimestamp } from '../domain/storable';

// ajv and ajv-formats are CommonJS with a `default` export; under ESM either shape may arrive.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

type AjvInstance = InstanceType<typeof AjvModule>;

function makeAjv(opts: Options): AjvInstance {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    strict: false,
    discriminator: true,
    ...opts,
  });
  addFormats(ajv);
  ajv.addFormat('date-time', { type: 'string', validate: isSaneTimestamp });
  ajv.addFormat('date', { type: 'string', validate: isSaneDay });
  return ajv;
}

export function installValidators(app: FastifyInstance): void {
  const bodyAjv = makeAjv({ coerceTypes: false, useDefaults: false });
  const textAjv = makeAjv({ coerceTypes: 'array', useDefaults: true });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? bodyAjv : textAjv).compile(schema as object),
  );
}

/** Validates task form data against the schemas workflows publish; compiled schemas are cached. */
export class FormValidator {
  private readonly ajv = makeAjv({ coerceTypes: false, useDefaults: false, discriminator: false });
  private readonly cache = new Map<string, ValidateFunction>();

  validate(schema: object, data: unknown): { ok: true } | { ok: false; errors: ErrorObject[] } {
    // Workflows publish a handful of forms: the schema's JSON is key enough.
    const key = JSON.stringify(schema);
    let fn = this.cache.get(key);
    if (!fn) {
      fn = this.ajv.compile(schema);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(key, fn);
    }
    return fn(data) ? { ok: true } : { ok: false, errors: [...(fn.errors ?? [])] };
  }
}
