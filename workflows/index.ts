/** Every process the worker runs: one workflow per business capability. */
export { refundOrder } from './refund';
