/** Lines and companies in the built-in BSS, for the processes that work on a customer's service. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/index';
import { setPortCapacity } from '../../src/store/inventory';
import { addressKey, type AccessType } from '../../src/domain/inventory';
import { seedCustomer } from './cases';

/** A line of the customer, in service. */
export async function seedService(
  db: Db,
  customerId: string,
  line: { kind?: string; address?: string; region?: 'urban' | 'rural'; number?: string; numberChangeBlocked?: boolean } = {},
): Promise<string> {
  const id = `svc_${randomUUID().slice(0, 12)}`;
  await db
    .insertInto('services')
    .values({
      id,
      customer_id: customerId,
      kind: line.kind ?? 'broadband',
      address: line.address ?? '成都市锦江区春熙路1号',
      region: line.region ?? 'urban',
      number: line.number ?? `028${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      status: 'active',
      number_change_blocked: line.numberChangeBlocked ?? false,
    })
    .execute();
  return id;
}

/** A company customer (a group, 集团). */
export async function seedCompany(db: Db, account: Parameters<typeof seedCustomer>[1] = {}): Promise<string> {
  const id = await seedCustomer(db, account);
  await db.updateTable('customers').set({ type: 'group', name: '成都某某科技有限公司' }).where('id', '=', id).execute();
  return id;
}

/** Free ports at an address, as an admin loads them. */
export async function loadPorts(db: Db, address: string, capacity = 1, accessType: AccessType = 'ftth'): Promise<void> {
  const { problems } = await setPortCapacity(db, [{ address, accessType, capacity }]);
  if (problems.length) throw new Error(problems.join('; '));
}

/** The ports held or used for a case. */
export const portsOf = (db: Db, caseId: string) => db.selectFrom('port_reservations').select(['status', 'service_id']).where('case_id', '=', caseId).execute();

/** The port a line has carried since its install (an earlier case's); returns how to read its status back. */
export async function portInUse(db: Db, serviceId: string, address: string, accessType: AccessType = 'ftth') {
  const key = `ord_install_${randomUUID().replaceAll('-', '')}:port`;
  await db
    .insertInto('port_reservations')
    .values({ idempotency_key: key, case_id: key.split(':')[0]!, address_key: addressKey(address), access_type: accessType, status: 'in_use', service_id: serviceId, released_at: null })
    .execute();
  return async () => (await db.selectFrom('port_reservations').select('status').where('idempotency_key', '=', key).executeTakeFirstOrThrow()).status;
}
