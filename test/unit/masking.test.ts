import { describe, it, expect } from 'vitest';
import { maskIdNumber, maskPhone } from '../../src/domain/masking';

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345678')).toBe('123*5678');
    expect(maskPhone('02512345678')).toBe('025****5678');
  });
  it('masks all but the last 2 of short values', () => {
    expect(maskPhone('1234567')).toBe('*****67');
    expect(maskPhone('12')).toBe('12');
    expect(maskPhone('')).toBe('');
  });
  it('passes null and undefined through', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeUndefined();
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
    expect(maskIdNumber('11010119900307123X')).toBe('110101********123X');
    expect(maskIdNumber('110101900307')).toBe('110101**0307');
  });
  it('masks all but the last 2 of short values', () => {
    expect(maskIdNumber('12345678901')).toBe('*********01');
  });
  it('passes null and undefined through', () => {
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber(undefined)).toBeUndefined();
  });
});
