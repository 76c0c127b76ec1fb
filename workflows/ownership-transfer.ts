/**
 * Ownership transfer (过户), processes.md §3: the current owner settles their
 * arrears → both parties' identities verified → inside the agreement period a
 * supervisor approves → the fee is charged → the owner changes → both are
 * told (seed 000 L223-L228).
 */
import { hasArrears, insideAgreementPeriod } from '../src/domain/account';
import { introductionLetterProblem, transferFeeFen, transferGate, type CustomerKind, type TransferFeePolicy } from '../src/domain/ownership-transfer';
import { ownershipTransferForms as forms, type OwnershipTransferInput, type OwnershipTransferStage } from '../src/processes/ownership-transfer';
import { records, systems } from './lib/activities';
import { Case } from './lib/case';
import type { CaseSnapshot, CaseStart } from './lib/messages';

export async function ownershipTransferOrder(start: CaseStart<OwnershipTransferInput>): Promise<CaseSnapshot> {
  const order = new Case<OwnershipTransferStage>(start);
  const { serviceId, newOwner } = start.fields;
  /** A new identity becomes a customer under an id that comes from the order, so a retry opens it once. */
  const newOwnerId = 'customerId' in newOwner ? newOwner.customerId : `cus_${order.id.replace(/^ord_/, '')}`;

  return order.run(async () => {
    const account = await systems.accountFacts(start.customerId);
    const service = await systems.serviceFacts(serviceId);
    const known = 'customerId' in newOwner ? await systems.lookupAccount(newOwner.customerId) : null;
    const refused = transferGate(start.customerId, service, 'customerId' in newOwner ? { customerId: newOwner.customerId, known: known !== null } : {});
    if (refused) return order.reject(refused.reason, refused.detail);

    // The current owner's arrears are settled first; the wait runs on while the case is pending on them.
    if (hasArrears(account)) {
      await order.awaitCustomer('awaiting_settlement', { data: { arrearsFen: account.arrearsFen } });
      const settlement = await order.tasks.open(forms.confirmSettlement, {
        role: 'frontoffice',
        slaKey: 'ownership_transfer.settlement_wait',
        data: { serviceId, arrearsFen: account.arrearsFen },
      });
      const settled = await settlement.decidedOrOverdue();
      if (settled === 'overdue') return order.cancel('settlement_not_confirmed');
      await order.record({ settlement: settled.data }, { kind: 'arrears_settled', actor: settled.actor.sub });
    }

    // Both parties' identities; a company's party brings a sealed introduction letter.
    await order.stage('identity_check');
    const parties: Array<{ party: 'current_owner' | 'new_owner'; customerId: string; type: CustomerKind }> = [
      { party: 'current_owner', customerId: start.customerId, type: account.customerType },
      { party: 'new_owner', customerId: newOwnerId, type: 'customer' in newOwner ? newOwner.customer.type : (known?.customerType ?? 'individual') },
    ];
    const identities: Record<string, unknown> = {};
    for (const { party, customerId, type } of parties) {
      const verified = await order.tasks.ask(forms.verifyIdentity, {
        role: 'frontoffice',
        data: { party, customerId, customerType: type, serviceId, ...(party === 'new_owner' ? { newOwner } : {}) },
        check: ({ outcome, data }) => (outcome === 'verified' ? introductionLetterProblem(type, (data as { introductionLetter?: { sealed: boolean } }).introductionLetter) : undefined),
      });
      if (verified.outcome === 'not_verified') return order.reject('identity_not_verified', `${party}: ${verified.data.reason}`);
      identities[party] = { document: verified.data.document, introductionLetter: verified.data.introductionLetter ?? null, by: verified.actor.sub };
      await order.record({ identities }, { kind: 'identity_verified', actor: verified.actor.sub, detail: { party } });
    }

    // Inside the agreement period the remaining obligations move only with a supervisor's approval.
    if (insideAgreementPeriod(account, new Date())) {
      await order.stage('approval');
      const approval = await order.tasks.ask(forms.approveTransfer, {
        role: 'supervisor',
        data: { serviceId, serviceKind: service.kind, agreementEndsAt: account.agreementEndsAt, newOwnerId },
      });
      if (approval.outcome === 'deny') {
        await order.complete('denied', { reason: approval.data.reason, actor: approval.actor.sub });
        return order.notify.customer('denied', 'ownership_transfer_denied', { reason: approval.data.reason });
      }
    }

    // The fee, once; then the line changes hands.
    order.pointOfNoReturn();
    await order.stage('transfer');
    const feeFen = transferFeeFen(service.kind, await records.readPolicy<TransferFeePolicy>('ownership_transfer.fee_fen'));
    if (feeFen > 0) {
      const fee = await systems.chargeAccount({ idempotencyKey: order.key('transfer_fee'), caseId: order.id, customerId: start.customerId, serviceId, amountFen: feeFen, description: 'ownership transfer fee 过户手续费' });
      await order.record({ transferFee: fee }, { kind: 'transfer_fee_charged' });
    }
    if ('customer' in newOwner) await systems.createCustomer({ id: newOwnerId, ...newOwner.customer, tier: 'standard' });
    await systems.updateService(serviceId, { customerId: newOwnerId });
    await order.complete('transferred', { data: { newOwnerId, transferFeeFen: feeFen } });
    await order.notify.customer('transferred', 'ownership_transferred', { serviceId });
    await order.notify.otherCustomer('transferred:new_owner', newOwnerId, 'ownership_received', { serviceId });
  });
}
