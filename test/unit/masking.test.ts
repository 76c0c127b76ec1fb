import { describe, it, expect } from 'vitest';
import { maskAddress, maskEmail, maskIdNumber, maskPersonalData, maskPhone } from '../../src/domain/masking';

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

describe('maskAddress, maskEmail', () => {
  it('keeps the region at the start of an address and the mail domain', () => {
    expect(maskAddress('四川省成都市武侯区人民南路四段1号')).toBe('四川省成都************');
    expect(maskAddress('1 Renmin Rd')).toBe('1 R********');
    expect(maskEmail('zhang.san@example.com')).toBe('z********@example.com');
    expect(maskEmail('nobody')).toBe('******');
  });
});

describe('maskPersonalData', () => {
  const order = {
    id: 'ord_1',
    customerId: 'cus_1',
    createdBy: 'clerk-1',
    data: {
      contact: { name: '张三', phone: '13812345678', email: 'zhang.san@example.com', postcode: '610041' },
      identity: { type: 'id_card', number: '110101199003071234', idDocument: { type: 'id_card', number: '510104199201011234', local: true } },
      installAddress: { text: '四川省成都市武侯区人民南路四段1号', region: 'urban' },
      newOwner: { customer: { name: '李四', phone: '13987654321', idNumber: '110101199003075678' } },
      services: [{ id: 'svc_1', address: '1 Renmin Rd', number: '02812345678' }],
      amountFen: 5000,
      description: 'double charge',
    },
  };

  it('masks phone and identity numbers, e-mail and addresses at any depth; names stay, as in the customers API', () => {
    const masked = maskPersonalData(order);
    expect(masked.data.contact).toEqual({ name: '张三', phone: '138****5678', email: 'z********@example.com', postcode: '610041' });
    expect(masked.data.identity).toEqual({
      type: 'id_card',
      number: '110101********1234',
      idDocument: { type: 'id_card', number: '510104********1234', local: true },
    });
    expect(masked.data.installAddress).toEqual({ text: '四川省成都************', region: 'urban' });
    expect(masked.data.newOwner.customer).toEqual({ name: '李四', phone: '139****4321', idNumber: '110101********5678' });
    expect(masked.data.services[0]!.address).toBe('1 R********');
  });

  it('masks a line\'s number as the customers API does, and no other number', () => {
    const masked = maskPersonalData({ service: { id: 'svc_1', number: '02887654321' }, lineNumber: '13812345678', invoice: { number: 'INV-20261123' } });
    expect(masked).toEqual({ service: { id: 'svc_1', number: '028****4321' }, lineNumber: '138****5678', invoice: { number: 'INV-20261123' } });
  });

  it('leaves the rest as it was, and the input untouched', () => {
    const masked = maskPersonalData(order);
    expect(masked).toMatchObject({ id: 'ord_1', customerId: 'cus_1', createdBy: 'clerk-1' });
    expect(masked.data).toMatchObject({ amountFen: 5000, description: 'double charge' });
    expect(order.data.contact.phone).toBe('13812345678');
    expect(maskPersonalData({ identity: '110101199003071234', n: null, ok: true })).toEqual({ identity: '110101********1234', n: null, ok: true });
  });
});

describe('maskPersonalData on a log record', () => {
  it('walks only plain objects and arrays, and survives a cycle', () => {
    const err = new Error('boom');
    const record: Record<string, unknown> = { err, at: new Date(0), customer: { name: '张三', phone: '13812345678' } };
    record.self = record;
    const masked = maskPersonalData(record);
    expect(masked.err).toBe(err);
    expect(masked.at).toEqual(new Date(0));
    expect(masked.customer).toEqual({ name: '张三', phone: '138****5678' });
    expect(masked.self).toBe(record);
  });
});
