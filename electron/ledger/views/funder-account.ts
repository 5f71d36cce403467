// What a funder's record and statement show: per patient, what the funder's
// money bought (received), what was spent on sessions delivered, what is left;
// lump sums not yet split between patients; what the funder owes on invoices.
//
// Positions come from each patient's own projection: a session delivered from
// a package the funder bought names the patient, not always the funder, so the
// funder's entries alone would miss it.
import type { FunderAccount } from '../../../shared/contract/domains/ledger.ts';
import type { FunderPosition } from '../../../shared/ledger/index.ts';
import {
  funderOwing,
  funderPosition,
  funderUnallocated,
  invoicesOfFunder,
} from '../../../shared/ledger/index.ts';
import type { ScopedProjection } from '../projection-cache.ts';

export async function funderAccountView(
  funderId: string,
  name: string,
  funderProjection: ScopedProjection,
  patientProjection: (patientId: string) => Promise<ScopedProjection>,
  patientNames: (ids: string[]) => Promise<Map<string, string>>,
): Promise<FunderAccount> {
  const state = funderProjection.state;
  const patientIds = [
    ...new Set(
      [...state.funderPatients.values()]
        .filter((record) => record.funderId === funderId)
        .map((record) => record.patientId),
    ),
  ].sort();
  const names = await patientNames(patientIds);
  const positions: (FunderPosition & { patientName: string })[] = [];
  for (const patientId of patientIds) {
    const own = await patientProjection(patientId);
    positions.push({
      ...funderPosition(own.state, funderId, patientId),
      patientName: names.get(patientId) ?? patientId,
    });
  }
  const lumpSums = [...funderProjection.entries.values()]
    .filter((entry) => entry.kind === 'funderLumpSumReceived' && entry.funderId === funderId)
    .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : 1))
    .map((entry) => {
      const method = typeof entry.data['method'] === 'string' ? entry.data['method'] : '';
      const received = entry.lines.find((line) => line.account === method);
      return {
        entryId: entry.id,
        paymentId: entry.paymentId,
        receivedAt: entry.occurredAt,
        amount: received?.amount ?? '',
        method,
        reference: typeof entry.data['reference'] === 'string' ? entry.data['reference'] : '',
      };
    });
  return {
    funderId,
    name,
    currency: state.currency,
    positions,
    unallocated: funderUnallocated(state, funderId),
    lumpSums,
    owing: funderOwing(state, funderId),
    invoices: invoicesOfFunder(state, funderId),
  };
}
