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
