// A journal plus its incremental projection, for tests: run a command, check it was
// accepted (or refused with no entries), and apply what it wrote.
import assert from 'node:assert/strict';
import type { JournalEntry } from '../ledger/entry.ts';
import type { CommandResult, LedgerError } from '../ledger/errors.ts';
import type { PackagePlanSnapshot } from '../ledger/packagePlan.ts';
import type { LedgerState } from '../ledger/state.ts';
import { applyEntry, createLedgerState } from '../ledger/state.ts';
import { checkInvariants } from '../ledger/invariants.ts';
import type { TestDesk } from './ledgerContext.ts';
import { testDesk } from './ledgerContext.ts';

export class TestJournal {
  readonly entries: JournalEntry[] = [];
  readonly state: LedgerState;
  readonly desk: TestDesk;

  constructor(currency = 'AUD', desk: TestDesk = testDesk()) {
    this.state = createLedgerState(currency);
    this.desk = desk;
  }

  /** Expect acceptance; apply the entries; return the result. */
  ok<R extends object>(result: CommandResult<R>): Extract<CommandResult<R>, { ok: true }> {
    if (!result.ok) assert.fail(`refused: ${result.error.code}: ${result.error.message}`);
    for (const entry of result.entries) this.add(entry);
    return result as Extract<CommandResult<R>, { ok: true }>;
  }

  /** Expect a refusal with this code (and field, when given); nothing is applied. */
  refused<R extends object>(
    result: CommandResult<R>,
    code: LedgerError['code'],
    field?: string,
  ): LedgerError {
    assert.equal(result.ok, false, 'expected a refusal');
    if (result.ok) throw new Error('unreachable');
    assert.equal(result.error.code, code, result.error.message);
    if (field !== undefined) assert.equal(result.error.field, field);
    assert.ok(result.error.message.length > 0);
    assert.equal('entries' in result, false);
    return result.error;
  }

  add(entry: JournalEntry): void {
    this.entries.push(entry);
    applyEntry(this.state, entry);
  }

  assertHealthy(): void {
    assert.deepEqual(checkInvariants(this.entries, this.state), []);
  }
}

export function plan(overrides: Partial<PackagePlanSnapshot> = {}): PackagePlanSnapshot {
  return {
    planId: 'plan5',
    name: '5 physio sessions',
    sessions: 5,
    price: '400.00',
    validityDays: 90,
    eligibleServiceIds: ['physio'],
    lateCancelUsesSession: true,
    noShowUsesSession: true,
    expiryRule: 'breakage',
    ...overrides,
  };
}
