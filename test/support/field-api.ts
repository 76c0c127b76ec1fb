/**
 * Staff apps over HTTP for the orders that send someone to the customer: an
 * admin loading ports, the technician's app booking and recording visits,
 * the caller's tool doing the callback survey.
 */
import { expect } from 'vitest';
import { customerSignature, inMinutes } from './visits';
import { fetchJson, waitForTask, type TestApi } from './api';

/** Claims the task (as the person's app does before working on it) and completes it. */
export async function completeOverHttp(api: TestApi, token: string, taskId: string, outcome: string, data: Record<string, unknown> = {}) {
  const claim = await fetchJson(`${api.url}/v1/tasks/${taskId}/claim`, { method: 'POST', token });
  expect(claim.status, JSON.stringify(claim.body)).toBe(200);
  const done = await fetchJson(`${api.url}/v1/tasks/${taskId}/complete`, { token, json: { outcome, data } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return done.body;
}

/** An admin loads free ports at an address. */
export async function loadPortsOverHttp(api: TestApi, address: string, capacity: number, accessType = 'ftth') {
  const admin = await api.token('admin-ports', ['admin']);
  const r = await fetchJson(`${api.url}/v1/inventory/ports`, { method: 'PUT', token: admin, json: { items: [{ address, accessType, capacity }] } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items;
}

/**
 * The technician's app: finds the booking in the inbox, agrees a slot two
 * minutes from now, takes the visit, and records it done with the checklist
 * and the customer's signature.
 */
export async function visitOverHttp(api: TestApi, technician: { sub: string; token: string }, caseId: string, outcome: string, checklist: readonly string[]) {
  const booking = await waitForTask(api, technician.token, caseId, 'book_appointment');
  const slot = { start: inMinutes(2), end: inMinutes(122) };
  await completeOverHttp(api, technician.token, booking.id, 'booked', { slot, contactedAt: new Date().toISOString(), technicianId: technician.sub });
  // The visit is the technician's own: it waits in their inbox, already claimed.
  const visit = await waitForTask(api, technician.token, caseId, 'record_visit');
  expect(visit).toMatchObject({ assignee: technician.sub, state: 'claimed' });
  const checks = Object.fromEntries(checklist.map((item) => [item, true]));
  const done = await fetchJson(`${api.url}/v1/tasks/${visit.id}/complete`, {
    token: technician.token,
    json: { outcome, data: { arrivedAt: slot.start, checklist: checks, signature: customerSignature } },
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return slot;
}

/** The caller reaches the customer and records the satisfaction. */
export async function surveyOverHttp(api: TestApi, callerToken: string, caseId: string, satisfaction = 5) {
  const survey = await waitForTask(api, callerToken, caseId, 'callback_survey');
  return completeOverHttp(api, callerToken, survey.id, 'surveyed', { satisfaction });
}
