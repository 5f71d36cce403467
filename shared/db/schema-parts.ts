// Small builders for RxDB JSON schemas, so each collection's schema reads as a
// list of its fields. Indexed strings need a maxLength (RxDB builds index
// strings of fixed width).
export const idField = { type: 'string', maxLength: 40 } as const;
export const timeField = { type: 'string', maxLength: 30 } as const;
export const shortText = { type: 'string', maxLength: 200 } as const;
export const longText = { type: 'string', maxLength: 4000 } as const;
export const moneyField = { type: 'string', maxLength: 24 } as const;
export const flagField = { type: 'boolean' } as const;
export const countField = {
  type: 'integer',
  minimum: 0,
  maximum: 1_000_000,
  multipleOf: 1,
} as const;
export const idList = { type: 'array', items: { type: 'string', maxLength: 40 } } as const;

export const editedFields = {
  id: idField,
  createdAt: timeField,
  updatedAt: timeField,
  updatedBy: idField,
  deskId: idField,
} as const;

export const editedRequired = ['id', 'createdAt', 'updatedAt', 'updatedBy', 'deskId'] as const;
