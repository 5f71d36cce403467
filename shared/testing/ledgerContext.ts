// Deterministic command contexts for tests: a clock that the test moves, ids that sort
// by time (time, desk, counter) like the real id source must, and per-desk numbers.
import type { CommandContext, NumberKind } from '../ledger/context.ts';

export interface TestDesk extends CommandContext {
  /** move the clock to an ISO time (never backwards in practice) */
  at(iso: string): TestDesk;
  /** advance the clock by minutes */
  advance(minutes: number): TestDesk;
}

export function testDesk(
  deskId = 'A',
  start = '2025-03-03T09:00:00.000Z',
  staffId = 'staff1',
): TestDesk {
  let counter = 0;
  const numbers: Record<NumberKind, number> = { invoice: 0, receipt: 0 };
  const desk: TestDesk = {
    now: start,
    deskId,
    staffId,
    newId() {
      counter += 1;
      // time-sortable: the clock first, then the desk, then a per-desk counter
      return `${desk.now.replace(/[-:.]/g, '')}-${deskId}-${String(counter).padStart(6, '0')}`;
    },
    nextNumber(kind: NumberKind) {
      numbers[kind] += 1;
      return `${deskId}-${kind === 'invoice' ? 'INV' : 'RCT'}-${String(numbers[kind]).padStart(5, '0')}`;
    },
    at(iso: string) {
      desk.now = new Date(Date.parse(iso)).toISOString();
      return desk;
    },
    advance(minutes: number) {
      desk.now = new Date(Date.parse(desk.now) + minutes * 60_000).toISOString();
      return desk;
    },
  };
  return desk;
}
