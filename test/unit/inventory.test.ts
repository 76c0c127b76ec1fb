import { describe, expect, it } from 'vitest';
import { addressKey } from '../../src/domain/inventory';

describe('addressKey', () => {
  it('matches the same premises however they are written', () => {
    const key = addressKey('成都市武侯区人民南路四段1号3栋501');
    expect(addressKey('成都市武侯区 人民南路四段１号３栋５０１')).toBe(key);
    expect(addressKey(' 成都市武侯区，人民南路四段1号、3栋501 ')).toBe(key);
  });
  it('keeps the words of a Latin address apart, whatever the case and spacing', () => {
    expect(addressKey('1  Renmin  Rd')).toBe('1 renmin rd');
    expect(addressKey('1 RENMIN RD')).toBe(addressKey('1 renmin rd'));
    expect(addressKey('12 Renmin Rd')).not.toBe(addressKey('1 2 Renmin Rd'));
  });
});
