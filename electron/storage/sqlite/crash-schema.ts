// The collection the crash test's writer uses.

import { fillWithDefaultSettings } from 'rxdb/plugins/core';
import type { RxDocumentData, RxJsonSchema } from 'rxdb/plugins/core';

export type Entry = { id: string; kind: string; value: number };

export const crashSchema: RxJsonSchema<RxDocumentData<Entry>> = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 60 },
    kind: { type: 'string', maxLength: 20 },
    value: { type: 'integer', minimum: 0, maximum: 1_000_000_000, multipleOf: 1 },
  },
  required: ['id', 'kind', 'value'],
  indexes: [['kind', 'value']],
});

export const COUNTER_ID = 'counter';
