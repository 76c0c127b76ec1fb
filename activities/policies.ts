import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../src/db/index';
import { policyValue } from '../src/store/policies';

/** Business rules an operator changes without a deploy. */
export function policyActivities(db: Db) {
  return {
    async readPolicy<T>(key: string): Promise<T> {
      const value = await policyValue(db, key);
      if (value === undefined) throw ApplicationFailure.nonRetryable(`no policy ${key}`, 'MissingPolicy');
      return value as T;
    },
  };
}
