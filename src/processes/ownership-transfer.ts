/**
 * Ownership transfer (过户), processes.md §3: the contract — input, stages,
 * task forms, policies. The workflow is workflows/ownership-transfer.ts; the
 * rules are src/domain/ownership-transfer.ts.
 */
import { Type, type Static } from 'typebox';
import { ID_DOCUMENT_TYPES } from '../domain/new-install';
import { DEFAULT_TRANSFER_FEE_POLICY } from '../domain/ownership-transfer';
import { defineProcess } from './define';
import { NoData, Reason, taskForm } from './forms';
import { Fen, Id, Phone, Text } from './schema';

/** A new owner the BSS does not know yet: opened as a customer when the line changes hands. */
export const NewOwnerIdentity = Type.Object(
  {
    name: Text(200),
    type: Type.Enum(['individual', 'group']),
    phone: Phone,
    idNumber: Text(64, 'Identity number, or the unified social credit code of a company'),
  },
  { additionalProperties: false },
);

export const OwnershipTransferInput = Type.Object(
  {
    serviceId: Id,
    newOwner: Type.Union(
      [
        Type.Object({ customerId: Id }, { additionalProperties: false, title: 'an existing customer' }),
        Type.Object({ customer: NewOwnerIdentity }, { additionalProperties: false, title: 'a new identity' }),
      ],
      { description: '{ customerId } of an existing customer, or { customer } for a new identity' },
    ),
  },
  { additionalProperties: false },
);
export type OwnershipTransferInput = Static<typeof OwnershipTransferInput>;

export const OWNERSHIP_TRANSFER_STAGES = ['awaiting_settlement', 'identity_check', 'approval', 'transfer'] as const;
export type OwnershipTransferStage = (typeof OWNERSHIP_TRANSFER_STAGES)[number];

export const ownershipTransferForms = {
  /** The current owner paid their arrears at the counter. */
  confirmSettlement: taskForm('confirm_settlement', {
    settled: Type.Object({ paymentReference: Text(100), amountFen: Fen('Amount paid (fen)') }, { additionalProperties: false }),
  }),
  /** One party's documents checked; a company's party brings a sealed introduction letter (seed 000 L228). */
  verifyIdentity: taskForm('verify_identity', {
    verified: Type.Object(
      {
        document: Type.Enum([...ID_DOCUMENT_TYPES, 'business_licence'], { description: 'The document shown' }),
        introductionLetter: Type.Optional(
          Type.Object(
            { reference: Text(100), sealed: Type.Boolean({ description: 'Bears the company seal (加盖公章)' }) },
            { additionalProperties: false, description: 'Required for a corporate party' },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    not_verified: Reason,
  }),
  /** Inside the agreement period the remaining obligations move to the new owner only with approval. */
  approveTransfer: taskForm('approve_transfer', { approve: NoData, deny: Reason }),
};

export const ownershipTransferProcess = defineProcess({
  type: 'ownership_transfer',
  kind: 'order',
  workflowType: 'ownershipTransferOrder',
  input: OwnershipTransferInput,
  stages: OWNERSHIP_TRANSFER_STAGES,
  taskForms: Object.values(ownershipTransferForms),
  outcomes: ['transferred', 'denied'],
  reasons: ['service_not_active', 'same_owner', 'unknown_new_owner', 'settlement_not_confirmed', 'identity_not_verified'],
  // The customer's own wait: it runs on while the case is pending on them.
  slas: { 'ownership_transfer.settlement_wait': { duration: 'P7D', calendar: 'continuous', pauseWhenPending: false } },
  policies: { 'ownership_transfer.fee_fen': DEFAULT_TRANSFER_FEE_POLICY },
});
