import type { Client } from '@temporalio/client';
import type { Db } from '../../../src/db/index';

/** Drives one case to its end on a throw-away stack and returns its id; its history is recorded under the scenario's name. */
export type Scenario = (client: Client, db: Db, taskQueue: string) => Promise<string>;
