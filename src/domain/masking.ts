/**
 * Masking of phone and identity numbers for roles that do not serve the
 * customer (processes.md, "Confidentiality"). Masked characters become '*',
 * one per hidden character. null/undefined pass through. Pure.
 */

function mask(value: string, keepStart: number, keepEnd: number, minLength: number): string {
  const chars = Array.from(value);
  const n = chars.length;
  if (n >= minLength) {
    return chars.slice(0, keepStart).join('') + '*'.repeat(n - keepStart - keepEnd) + chars.slice(n - keepEnd).join('');
  }
  // Short values: everything but the last two characters is hidden.
  const keep = Math.min(2, n);
  return '*'.repeat(n - keep) + chars.slice(n - keep).join('');
}

/** '13812345678' → '138****5678': keep the first 3 and last 4 when ≥ 8 characters. */
export function maskPhone(value: string): string;
export function maskPhone<T extends null | undefined>(value: T): T;
export function maskPhone(value: string | null | undefined): string | null | undefined;
export function maskPhone(value: string | null | undefined): string | null | undefined {
  return value === null || value === undefined ? value : mask(value, 3, 4, 8);
}

/** '110101199003071234' → '110101********1234': keep the first 6 and last 4 when ≥ 12 characters. */
export function maskIdNumber(value: string): string;
export function maskIdNumber<T extends null | undefined>(value: T): T;
export function maskIdNumber(value: string | null | undefined): string | null | undefined;
export function maskIdNumber(value: string | null | undefined): string | null | undefined {
  return value === null || value === undefined ? value : mask(value, 6, 4, 12);
}

/**
 * '北京市朝阳区建国路88号院3号楼501' → '北京市朝阳区**************': the
 * first third is kept (city, district, perhaps the street: enough for a
 * planner to place the order), the rest — building, room — is hidden.
 */
export function maskAddress(value: string): string {
  const chars = Array.from(value);
  const keep = Math.floor(chars.length / 3);
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}

/** 'zhang.san@example.com' → 'z********@example.com': the mail domain stays. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 0) return mask(value, 0, 0, 0);
  const local = Array.from(value.slice(0, at));
  return (local.length <= 1 ? '*'.repeat(local.length) : local[0] + '*'.repeat(local.length - 1)) + value.slice(at);
}

/**
 * Field names that carry personal data wherever they appear in a case's or
 * task's data (processes.md "Confidentiality"; the contract's order fields).
 * A process that adds such a field uses one of these names.
 */
const PHONE_FIELDS = new Set(['phone', 'mobile', 'phoneNumber', 'contactPhone', 'msisdn', 'lineNumber']);
/** Objects describing a line: their `number` is a phone number (as the customers API masks it). */
const LINE_OBJECTS = new Set(['service', 'line']);
const ID_FIELDS = new Set(['idNumber', 'id_number', 'identityNumber', 'identity']);
/** Objects describing an identity document: their `number` is an identity number. */
const ID_OBJECTS = new Set(['identity', 'idDocument']);
const isAddressField = (key: string) => key === 'address' || key.endsWith('Address');

function maskString(key: string, parent: string | undefined, value: string): string {
  if (PHONE_FIELDS.has(key) || (key === 'number' && parent !== undefined && LINE_OBJECTS.has(parent))) return maskPhone(value);
  if (ID_FIELDS.has(key) || (key === 'number' && parent !== undefined && ID_OBJECTS.has(parent))) return maskIdNumber(value);
  if (key === 'email') return maskEmail(value);
  if (isAddressField(key) || (key === 'text' && parent !== undefined && isAddressField(parent))) return maskAddress(value);
  return value;
}

/**
 * A JSON value with its personal data masked, for those who may not see it
 * (phone, line and identity numbers, e-mail, addresses), found by
 * field name at any depth. The input is not changed. Only plain objects and
 * arrays are walked (a log record may also hold errors, dates, buffers or a
 * cycle: those are left as they are).
 */
export function maskPersonalData<T>(value: T): T {
  return walk(value, undefined, undefined, []) as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function walk(value: unknown, key: string | undefined, parent: string | undefined, above: unknown[]): unknown {
  if (typeof value === 'string') return key === undefined ? value : maskString(key, parent, value);
  if ((!Array.isArray(value) && !isPlainObject(value)) || above.includes(value)) return value;
  const path = [...above, value];
  if (Array.isArray(value)) return value.map((item) => walk(item, key, parent, path));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k, key, path)]));
}
