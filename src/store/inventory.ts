/** Port capacity of the built-in inventory (`port_capacity`, `port_reservations`): what an admin loads and sees. */
import { sql } from 'kysely';
import type { Db } from '../db/index';
import { addressKey, type AccessType } from '../domain/inventory';

export interface PortStock {
  addressKey: string;
  address: string;
  accessType: AccessType;
  capacity: number;
  /** Ports held for orders not yet activated. */
  reserved: number;
  /** Ports carrying a service. */
  inUse: number;
  free: number;
}

/** Ports taken at each address and access type, by status. */
function taken(db: Db) {
  return db
    .selectFrom('port_reservations')
    .select([
      'address_key',
      'access_type',
      sql<number>`count(*) filter (where status = 'reserved')::int`.as('reserved'),
      sql<number>`count(*) filter (where status = 'in_use')::int`.as('in_use'),
    ])
    .where('status', 'in', ['reserved', 'in_use'])
    .groupBy(['address_key', 'access_type']);
}

/** The stock of an address (every access type it has ports for). */
export async function portStock(db: Db, address: string): Promise<PortStock[]> {
  const rows = await db
    .selectFrom('port_capacity as p')
    .leftJoin(taken(db).as('t'), (join) => join.onRef('t.address_key', '=', 'p.address_key').onRef('t.access_type', '=', 'p.access_type'))
    .select(['p.address_key', 'p.address', 'p.access_type', 'p.capacity', 't.reserved', 't.in_use'])
    .where('p.address_key', '=', addressKey(address))
    .orderBy('p.access_type')
    .execute();
  return rows.map((r) => {
    const reserved = r.reserved ?? 0;
    const inUse = r.in_use ?? 0;
    return { addressKey: r.address_key, address: r.address, accessType: r.access_type, capacity: r.capacity, reserved, inUse, free: Math.max(0, r.capacity - reserved - inUse) };
  });
}

/** Thrown inside the transaction to roll it back with the problems found. */
class CapacityRefused extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/**
 * Sets the capacity of each address and access type, all or nothing. A
 * capacity below the ports already taken there is refused (the problems
 * are returned, nothing is written): ports carrying lines or held for
 * orders cannot vanish. The upsert locks the capacity row, as a
 * reservation does, so the count cannot change underneath.
 */
export async function setPortCapacity(
  db: Db,
  items: ReadonlyArray<{ address: string; accessType: AccessType; capacity: number }>,
): Promise<{ problems: string[] }> {
  try {
    await db.transaction().execute(async (tx) => {
      const problems: string[] = [];
      for (const [i, item] of items.entries()) {
        const key = addressKey(item.address);
        const row = { address: item.address, capacity: item.capacity, updated_at: new Date() };
        await tx
          .insertInto('port_capacity')
          .values({ address_key: key, access_type: item.accessType, ...row })
          .onConflict((oc) => oc.columns(['address_key', 'access_type']).doUpdateSet(row))
          .execute();
        const used = await tx
          .selectFrom('port_reservations')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('address_key', '=', key)
          .where('access_type', '=', item.accessType)
          .where('status', 'in', ['reserved', 'in_use'])
          .executeTakeFirstOrThrow();
        if (used.n > item.capacity) problems.push(`items/${i}: ${used.n} ports are taken at this address for ${item.accessType}; the capacity cannot be lower`);
      }
      if (problems.length > 0) throw new CapacityRefused(problems);
    });
    return { problems: [] };
  } catch (err) {
    if (err instanceof CapacityRefused) return { problems: err.problems };
    throw err;
  }
}
