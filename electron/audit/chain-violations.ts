// The chain verifier's findings as the self-check's violations: one per desk
// whose chain is broken, naming its first broken link.
import type { Violation } from '../../shared/ledger/invariants.ts';
import type { ChainReport } from './chain-verifier.ts';

export function chainViolations(report: ChainReport): Violation[] {
  return report.desks.flatMap((desk) =>
    desk.firstBreak
      ? [
          {
            kind: 'broken-chain' as const,
            entryId: desk.firstBreak.entryId,
            message: desk.firstBreak.message,
          },
        ]
      : [],
  );
}
