import type { LineTest, NetworkAdapter } from '../src/adapters/network';

/** The network management system: remote line tests. */
export function networkActivities(network: NetworkAdapter) {
  return {
    diagnoseLine: (serviceId: string): Promise<LineTest> => network.diagnose(serviceId),
  };
}
