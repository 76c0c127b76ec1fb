import { ApplicationFailure } from '@temporalio/common';
import type { AccountFacts, BssAdapter, NewCustomer, ServiceChange, ServiceFacts } from '../src/adapters/bss';

/** The billing/CRM system: the account and service facts processes gate on, and changes to services. */
export function bssActivities(bss: BssAdapter) {
  return {
    async accountFacts(customerId: string): Promise<AccountFacts> {
      const facts = await bss.accountFacts(customerId);
      if (!facts) throw ApplicationFailure.nonRetryable(`unknown customer ${customerId}`, 'UnknownCustomer');
      return facts;
    },

    /** The account of a customer who may not exist (an ownership transfer's new owner named by id): null then. */
    async lookupAccount(customerId: string): Promise<AccountFacts | null> {
      return bss.accountFacts(customerId);
    },

    async serviceFacts(serviceId: string): Promise<ServiceFacts> {
      const facts = await bss.serviceFacts(serviceId);
      if (!facts) throw ApplicationFailure.nonRetryable(`unknown service ${serviceId}`, 'UnknownService');
      return facts;
    },

    async updateService(serviceId: string, change: ServiceChange): Promise<ServiceFacts> {
      return bss.updateService(serviceId, change);
    },

    async createCustomer(customer: NewCustomer): Promise<void> {
      await bss.createCustomer(customer);
    },
  };
}
