import type { Db } from '../db/index';
import type { LineTestResult } from '../domain/fault-repair';

/** What the network's remote test found on a service's line. */
export interface LineTest {
  /** `cleared`: the test put the line right (a port reset, a profile reload); `needs_visit`: a fault at the premises or in the drop; `undetermined`: a person must look. */
  result: LineTestResult;
  detail: string | null;
}

/** The network management system's remote test (测量台). */
export interface NetworkAdapter {
  /** Tests the service's line remotely and clears what it can; safe to repeat. */
  diagnose(serviceId: string): Promise<LineTest>;
}

/**
 * Stands in for the network: the result an operator or a test set for the
 * service in `network_line_tests` (PUT /v1/network/line-tests/{serviceId});
 * none set, the test cannot decide and a technician tests the line.
 */
export function builtInNetwork(db: Db): NetworkAdapter {
  return {
    async diagnose(serviceId) {
      const row = await db.selectFrom('network_line_tests').select(['result', 'detail']).where('service_id', '=', serviceId).executeTakeFirst();
      return row ?? { result: 'undetermined', detail: null };
    },
  };
}

/** Sets what the built-in network's test answers for a service. */
export async function setLineTest(db: Db, serviceId: string, test: LineTest): Promise<void> {
  await db
    .insertInto('network_line_tests')
    .values({ service_id: serviceId, result: test.result, detail: test.detail, updated_at: new Date() })
    .onConflict((oc) => oc.column('service_id').doUpdateSet({ result: test.result, detail: test.detail, updated_at: new Date() }))
    .execute();
}
