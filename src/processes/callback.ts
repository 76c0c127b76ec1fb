/**
 * The callback survey (回访) after a visit: the customer rates the work
 * 1–5, or cannot be reached (processes.md §1 step 5, §2, §6). Pure.
 */
import { Type } from 'typebox';
import { taskForm } from './forms';
import { Text } from './schema';

export const callbackSurveyForm = taskForm('callback_survey', {
  surveyed: Type.Object(
    {
      satisfaction: Type.Integer({ minimum: 1, maximum: 5, description: '1 very dissatisfied … 5 very satisfied' }),
      comment: Type.Optional(Text(2000, "The customer's words")),
    },
    { additionalProperties: false },
  ),
  unreachable: Type.Object(
    { attempts: Type.Integer({ minimum: 1, maximum: 20, description: 'Calls made' }), note: Type.Optional(Text(2000)) },
    { additionalProperties: false },
  ),
});
