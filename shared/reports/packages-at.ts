// Every sold package as it stood at a date, in one pass over the entries: its sale,
// sessions used, whether it was closed at expiry, the value still unearned, and the
// breakage recognised for it. Deferred revenue and the packages list both read this.
import { add, subtract, zeroAmount } from '../money.ts';
import type { Amount } from '../money.ts';
import { parseAccount, REVENUE_BREAKAGE } from '../ledger/accounts.ts';
import type { SlimEntry } from './slim-entry.ts';
import type { SoldPackage } from '../ledger/packagePlan.ts';

export interface PackageAt {
  packageId: string;
  sale: SoldPackage | null;
  /** 1 while sold, 0 once the sale was reversed */
  sold: number;
  used: number;
  expired: number;
  /** unused value still owed in sessions (liability turned round) */
  unearned: Amount;
  breakage: Amount;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : 0;
}

/** Packages as of `cutoff` (an ISO instant: entries before it count). */
export function packagesAt(
  entries: readonly SlimEntry[],
  cutoff: string,
  currency: string,
): Map<string, PackageAt> {
  const zero = zeroAmount(currency);
  const packages = new Map<string, PackageAt>();
  const of = (packageId: string): PackageAt => {
    let found = packages.get(packageId);
    if (!found) {
      found = {
        packageId,
        sale: null,
        sold: 0,
        used: 0,
        expired: 0,
        unearned: zero,
        breakage: zero,
      };
      packages.set(packageId, found);
    }
    return found;
  };
  for (const entry of entries) {
    if (!entry.packageId || entry.occurredAt >= cutoff) continue;
    const record = of(entry.packageId);
    const snapshot = entry.data['package'];
    if (
      snapshot &&
      typeof snapshot === 'object' &&
      !Array.isArray(snapshot) &&
      entry.kind !== 'reversal'
    ) {
      record.sale = snapshot as unknown as SoldPackage;
    }
    record.sold += count(entry.data['packageSold']);
    record.used += count(entry.data['sessionsUsed']);
    record.expired += count(entry.data['packageExpired']);
    for (const line of entry.lines) {
      const parsed = parseAccount(line.account);
      if (parsed.type === 'unearned') record.unearned = subtract(record.unearned, line.amount);
      else if (line.account === REVENUE_BREAKAGE) {
        record.breakage = subtract(record.breakage, line.amount);
      }
    }
  }
  return packages;
}

/** Add helper for grouped sums. */
export function plus(a: Amount | undefined, b: Amount, currency: string): Amount {
  return add(a ?? zeroAmount(currency), b);
}
