/**
 * A system we do not own refused the request (its 4xx): asking again will
 * not change the answer, so the step fails at once instead of retrying.
 * Adapters throw it; outages and timeouts stay ordinary errors and retry.
 */
export class AdapterRefusal extends Error {
  constructor(
    readonly system: string,
    message: string,
  ) {
    super(`${system} refused: ${message}`);
    this.name = 'AdapterRefusal';
  }
}
