import { isGrpcServiceError, type Connection } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
import { CUSTOM_SEARCH_ATTRIBUTES } from './search-attributes';

type AddRequest = Parameters<Connection['operatorService']['addSearchAttributes']>[0];
type IndexedValueType = NonNullable<AddRequest['searchAttributes']>[string];

/** gRPC status code 6. */
const GRPC_ALREADY_EXISTS = 6;

/** temporal.api.enums.v1.IndexedValueType, by the SDK's search attribute type. */
const INDEXED_VALUE_TYPE: Record<SearchAttributeType, number> = {
  [SearchAttributeType.TEXT]: 1,
  [SearchAttributeType.KEYWORD]: 2,
  [SearchAttributeType.INT]: 3,
  [SearchAttributeType.DOUBLE]: 4,
  [SearchAttributeType.BOOL]: 5,
  [SearchAttributeType.DATETIME]: 6,
  [SearchAttributeType.KEYWORD_LIST]: 7,
};

/**
 * Register Switchboard's custom search attributes in `namespace` where they
 * are missing (the dev server gets them by flag; a production cluster gets
 * them from `npm run migrate`). Returns the names it added.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const existing = customAttributes ?? {};
  const missing = CUSTOM_SEARCH_ATTRIBUTES.filter((k) => !(k.name in existing));
  if (missing.length === 0) return [];
  const searchAttributes: Record<string, IndexedValueType> = {};
  for (const key of missing) searchAttributes[key.name] = INDEXED_VALUE_TYPE[key.type] as IndexedValueType;
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  } catch (err) {
    // Another process registered them between our list and add.
    if (!(isGrpcServiceError(err) && err.code === GRPC_ALREADY_EXISTS)) throw err;
  }
  return missing.map((k) => k.name);
}
