// What a command is given from outside the pure core: the clock, the id source, who is
// acting and where, and the document-number source. The main process supplies real
// ones; tests supply deterministic ones (shared/testing/context.ts).

/** Kinds of human document numbers a command may ask for. */
export type NumberKind = 'invoice' | 'receipt';

export interface CommandContext {
  /** The current time, ISO-8601 UTC (e.g. "2025-03-01T09:30:00.000Z"). */
  now: string;
  /**
   * A new entry/document id: unique across desks and time-sortable, so that sorting ids
   * orders entries by when they were recorded (e.g. a ULID, or time + desk + counter).
   */
  newId: () => string;
  deskId: string;
  staffId: string;
  /**
   * The next human number for an invoice or receipt, unique across desks (e.g. desk
   * prefix + counter: "A-000123"). When absent, entries carry number ''.
   */
  nextNumber?: (kind: NumberKind) => string;
}
