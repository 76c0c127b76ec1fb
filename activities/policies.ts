import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../src/db/index';

/** Business rules an operator changes without a deploy. */
export function policyActivities(db: Db) {
  return {
    async readPolicy<T>(key: string): Promise<T> {
      const row = await db.selectFrom('policies').select('value').where('key', '=', key).executeTakeFirst();
      if (!row) throw ApplicationFailure.nonRetryable(`no policy ${key}`, 'MissingPolicy');
      return row.value as T;
    },
  };
}
