/**
 * A whole-order clock breached (new install, relocation): a supervisor is
 * asked to expedite the order and says what they did. Pure.
 */
import { Type } from 'typebox';
import { taskForm } from './forms';
import { Text } from './schema';

export const expediteOrderForm = taskForm('expedite_order', {
  expedited: Type.Object({ action: Text(2000, 'What was done to finish the order') }, { additionalProperties: false }),
});
