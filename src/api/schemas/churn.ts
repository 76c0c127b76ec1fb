import { Type } from 'typebox';
import { CANCELLATION_REASONS } from '../../domain/cancellation';
import { Cursor, Id, Limit, NextCursor, Nullable, Timestamp } from './common';

export const ChurnQuery = Type.Object({
  customerId: Type.Optional(Id),
  reasonCode: Type.Optional(Type.Enum([...CANCELLATION_REASONS])),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Churned at or after this instant (RFC 3339)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Churned before this instant (RFC 3339)' })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
});

export const ChurnRecordView = Type.Object({
  caseId: Type.String({ description: 'The cancellation that ended the service' }),
  customerId: Type.String(),
  serviceId: Type.String(),
  serviceKind: Type.String(),
  region: Type.String(),
  customerType: Type.String(),
  tier: Type.String(),
  reasonCode: Type.String(),
  reasonText: Type.String(),
  analysis: Nullable(Type.String({ description: "The customer manager's account of the true reason" })),
  monthlyRevenueFen: Nullable(Type.Integer()),
  offersDeclined: Type.Array(Type.String(), { description: 'Retention offers the customer turned down' }),
  churnedAt: Timestamp,
});

export const ChurnList = Type.Object({ items: Type.Array(ChurnRecordView), nextCursor: NextCursor });
