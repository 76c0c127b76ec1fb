/** Names for the shapes the console reads, all taken from the generated contract. */
import type { paths } from './openapi';

type Json<P extends keyof paths, M extends 'get' | 'post' | 'put'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type ConsoleConfig = Json<'/v1/console/config', 'get'>;
export type Task = Json<'/v1/tasks/{id}', 'get'>;
export type TaskQuery = NonNullable<paths['/v1/tasks']['get']['parameters']['query']>;
export type CompleteResult = Json<'/v1/tasks/{id}/complete', 'post'>;
export type Order = Json<'/v1/orders/{id}', 'get'>;
export type OrderSummary = Json<'/v1/orders', 'get'>['items'][number];
export type OrderQuery = NonNullable<paths['/v1/orders']['get']['parameters']['query']>;
export type ComplaintQuery = NonNullable<paths['/v1/complaints']['get']['parameters']['query']>;
export type CaseEvent = Json<'/v1/orders/{id}/events', 'get'>[number];
export type SlaEntry = Order['sla'][number];
export type PendingTask = Order['pendingTasks'][number];
export type Customer = Json<'/v1/customers/{id}', 'get'>;
export type Overview = Json<'/v1/reports/overview', 'get'>;
export type SlaPolicy = Json<'/v1/policies/sla', 'get'>[number];
export type ApprovalPolicy = Json<'/v1/policies/refund-approval', 'get'>;
export type RetentionOfferPolicy = Json<'/v1/policies/retention-offers', 'get'>;
export type CalendarDay = Json<'/v1/calendar', 'get'>[number];
export type DevTokenInput = NonNullable<paths['/v1/dev/token']['post']['requestBody']>['content']['application/json'];
export type Role = DevTokenInput['roles'][number];
