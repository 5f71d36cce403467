// The lean clinic-wide state (shared/ledger/attention-state.ts) to bytes and back, for the
// snapshot a desk keeps so that a start folds only the entries written since
// (clinic-snapshot.ts). The columns of strings that repeat (patient ids, package names,
// amounts, methods) go through one table of distinct strings and are stored as indexes, so
// the file stays small and a loaded state shares one copy of each string, as the fold's
// intern table does. IdSlots is a class: its contents are stored and the lookup table
// built again. The typed arrays (ids' words, the columns) are handed out as they are, for
// the file to write without copying; the rest goes through node:v8 (Maps, strings).
//
// What this writes is part of the snapshot's format: change it, and bump
// CLINIC_SNAPSHOT_VERSION (clinic-snapshot-version.ts).
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { deserialize, serialize } from 'node:v8';
import type { AttentionState, PackageCount } from '../../shared/ledger/attention-state.ts';
import { createAttentionState } from '../../shared/ledger/attention-state.ts';
import { IdSlots, type IdSlotsParts } from '../../shared/ledger/id-slots.ts';
import type { AttentionItem } from '../../shared/ledger/state.ts';
import type { PaymentMethod } from '../../shared/ledger/entry.ts';
import { PAYMENT_METHODS } from '../../shared/ledger/entry.ts';

/** The state as node:v8 stores it: plain values, typed arrays, string columns as indexes. */
export interface EncodedAttentionState {
  entryCount: number;
  lineTotal: string;
  /** every distinct string of the indexed columns; index 0 is '' */
  strings: string[];
  seen: IdSlotsParts;
  balances: Map<string, string>;
  invoices: { ids: IdSlotsParts; due: Int32Array; number: string[]; patientId: Int32Array };
  packages: {
    ids: string[];
    used: Float64Array;
    sessions: Float64Array;
    name: Int32Array;
    patientId: Int32Array;
  };
  payments: {
    ids: IdSlotsParts;
    patientId: Int32Array;
    entrySlot: Int32Array;
    method: Int32Array;
    net: Int32Array;
    otherMethods: [number, [string, string][]][];
  };
  attention: Map<string, AttentionItem>;
}

class StringTable {
  readonly list: string[] = [''];
  readonly #index = new Map<string, number>([['', 0]]);

  column(values: readonly string[]): Int32Array {
    const column = new Int32Array(values.length);
    for (let i = 0; i < values.length; i += 1) column[i] = this.ref(values[i] ?? '');
    return column;
  }

  ref(text: string): number {
    let at = this.#index.get(text);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(text);
      this.#index.set(text, at);
    }
    return at;
  }
}

/** The typed arrays of the state, which the file holds as they are (see clinic-snapshot.ts). */
export type SnapshotArray = Uint32Array | Int32Array | Float64Array;

export const SNAPSHOT_ARRAY_KINDS = {
  Uint32Array,
  Int32Array,
  Float64Array,
} as const;

export type SnapshotArrayKind = keyof typeof SNAPSHOT_ARRAY_KINDS;

/**
 * The state in two parts: its typed arrays by path (ids' words, the indexed columns: most
 * of the bytes), and everything else through node:v8 (`rest`, with null where each array
 * was). Written as it is, no array is copied into one large buffer to save it.
 */
export interface EncodedSnapshot {
  rest: Buffer;
  arrays: [path: string, array: SnapshotArray][];
}

export function kindOf(array: SnapshotArray): SnapshotArrayKind {
  if (array instanceof Uint32Array) return 'Uint32Array';
  if (array instanceof Int32Array) return 'Int32Array';
  return 'Float64Array';
}

function isSnapshotArray(value: unknown): value is SnapshotArray {
  return (
    value instanceof Uint32Array || value instanceof Int32Array || value instanceof Float64Array
  );
}

/** Moves the typed arrays out of the plain objects of `value` (not Maps or lists) into `out`. */
function takeArrays(value: object, path: string, out: [string, SnapshotArray][]): void {
  const record = value as Record<string, unknown>;
  for (const [key, inner] of Object.entries(record)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (isSnapshotArray(inner)) {
      out.push([at, inner]);
      record[key] = null;
    } else if (
      inner !== null &&
      typeof inner === 'object' &&
      !Array.isArray(inner) &&
      !(inner instanceof Map)
    ) {
      takeArrays(inner, at, out);
    }
  }
}

/** Puts each array back where takeArrays found it; throws on a path that is not a place for one. */
function putArrays(value: object, arrays: readonly [string, SnapshotArray][]): void {
  for (const [path, array] of arrays) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let record = value as Record<string, unknown>;
    for (const key of keys) {
      const inner = record[key];
      if (inner === null || typeof inner !== 'object') throw new Error(`no place for ${path}`);
      record = inner as Record<string, unknown>;
    }
    if (record[last] !== null) throw new Error(`no place for ${path}`);
    record[last] = array;
  }
}

export function encodeAttentionState(state: AttentionState): EncodedSnapshot {
  const arrays: [string, SnapshotArray][] = [];
  const encoded = encodedState(state);
  takeArrays(encoded, '', arrays);
  return { rest: serialize(encoded), arrays };
}

function encodedState(state: AttentionState): EncodedAttentionState {
  const table = new StringTable();
  const packages = [...state.packages];
  const encoded: EncodedAttentionState = {
    entryCount: state.entryCount,
    lineTotal: state.lineTotal,
    strings: table.list,
    seen: state.seen.toParts(),
    balances: state.balances,
    invoices: {
      ids: state.invoices.ids.toParts(),
      due: table.column(state.invoices.due),
      number: state.invoices.number,
      patientId: table.column(state.invoices.patientId),
    },
    packages: {
      ids: packages.map(([id]) => id),
      used: Float64Array.from(packages, ([, p]) => p.used),
      sessions: Float64Array.from(packages, ([, p]) => p.sessions),
      name: table.column(packages.map(([, p]) => p.name)),
      patientId: table.column(packages.map(([, p]) => p.patientId)),
    },
    payments: {
      ids: state.payments.ids.toParts(),
      patientId: table.column(state.payments.patientId),
      entrySlot: Int32Array.from(state.payments.entrySlot),
      method: table.column(state.payments.method),
      net: table.column(state.payments.net),
      otherMethods: [...state.payments.otherMethods].map(([slot, nets]) => [slot, [...nets]]),
    },
    attention: state.attention,
  };
  return encoded;
}

/**
 * The state again; rejects when the parts do not make a consistent one. It yields to the
 * event loop between its steps (~100 ms in all at clinic size): the desk is serving its
 * first screens meanwhile.
 */
export async function decodeAttentionState(
  parts: EncodedSnapshot,
  currency: string,
): Promise<AttentionState> {
  const encoded = deserialize(parts.rest) as EncodedAttentionState;
  await yieldToEventLoop();
  putArrays(encoded, parts.arrays);
  const { strings } = encoded;
  if (!Array.isArray(strings) || strings[0] !== '') throw new Error('no string table');
  const state = createAttentionState(currency);
  // The fold's intern table holds patient ids and package names: the same here.
  const interned = (text: string): string => {
    if (text === '') return '';
    const known = state.strings.get(text);
    if (known !== undefined) return known;
    state.strings.set(text, text);
    return text;
  };
  const text = (at: number): string => {
    const value = strings[at];
    if (value === undefined) throw new Error(`string ${at} is not in the table`);
    return value;
  };
  // Arrays made at their full length, not grown (Array.from grows them): a few hundred
  // thousand slots allocated once, not copied over and over in the young generation.
  const texts = (column: Int32Array, size: number, intern = false): string[] => {
    if (column.length !== size) throw new Error('a column does not match its ids');
    const values = new Array<string>(size);
    for (let i = 0; i < size; i += 1) {
      values[i] = intern ? interned(text(column[i] ?? -1)) : text(column[i] ?? -1);
    }
    return values;
  };

  state.entryCount = encoded.entryCount;
  state.lineTotal = encoded.lineTotal;
  state.seen = IdSlots.fromParts(encoded.seen);
  state.balances = encoded.balances;
  await yieldToEventLoop();

  const invoices = IdSlots.fromParts(encoded.invoices.ids);
  if (encoded.invoices.number.length !== invoices.size) throw new Error('invoice numbers');
  await yieldToEventLoop();
  state.invoices = {
    ids: invoices,
    due: texts(encoded.invoices.due, invoices.size),
    number: encoded.invoices.number,
    patientId: texts(encoded.invoices.patientId, invoices.size, true),
  };

  const pk = encoded.packages;
  const names = texts(pk.name, pk.ids.length, true);
  const owners = texts(pk.patientId, pk.ids.length, true);
  pk.ids.forEach((id, i) => {
    const record: PackageCount = {
      used: pk.used[i] ?? 0,
      sessions: pk.sessions[i] ?? -1,
      name: names[i] ?? '',
      patientId: owners[i] ?? '',
    };
    state.packages.set(id, record);
  });
  await yieldToEventLoop();

  const pay = encoded.payments;
  const payments = IdSlots.fromParts(pay.ids);
  if (pay.entrySlot.length !== payments.size) throw new Error('payment entry slots');
  await yieldToEventLoop();
  state.payments = {
    ids: payments,
    patientId: texts(pay.patientId, payments.size, true),
    entrySlot: numbers(pay.entrySlot),
    method: texts(pay.method, payments.size).map(paymentMethodOrNone),
    net: texts(pay.net, payments.size),
    otherMethods: new Map(
      pay.otherMethods.map(([slot, nets]) => [
        slot,
        new Map(nets.map(([method, net]) => [paymentMethod(method), net])),
      ]),
    ),
  };
  state.attention = encoded.attention;
  return state;
}

function numbers(column: Int32Array): number[] {
  const values = new Array<number>(column.length);
  for (let i = 0; i < column.length; i += 1) values[i] = column[i] ?? -1;
  return values;
}

function paymentMethod(text: string): PaymentMethod {
  const method = PAYMENT_METHODS.find((known) => known === text);
  if (!method) throw new Error(`unknown payment method ${text}`);
  return method;
}

function paymentMethodOrNone(text: string): PaymentMethod | '' {
  return text === '' ? '' : paymentMethod(text);
}
