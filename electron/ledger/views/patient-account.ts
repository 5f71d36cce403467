// What the patient record shows, from the patient's projection: balance chips,
// packages, session numbers, invoices, refundable payments, and the money
// history newest first with where each credit movement came from and went.
import type { HistoryItem, PatientAccount } from '../../../shared/contract/domains/ledger.ts';
import type { JournalEntry, SessionNumber } from '../../../shared/ledger/index.ts';
import {
  creditFlows,
  creditProvenance,
  invoicesOfPatient,
  isGuardedLiability,
  needsAttentionForPatient,
  openInvoices,
  packagesOfPatient,
  patientBalances,
  patientOfAccount,
  paymentsOfPatient,
  sessionOfAppointment,
} from '../../../shared/ledger/index.ts';
import { isPositive, negate } from '../../../shared/money.ts';
import type { ScopedProjection } from '../projection-cache.ts';

export function patientAccountView(
  projection: ScopedProjection,
  patientId: string,
  now: string,
  names: { staff: Map<string, string>; funders: Map<string, string> },
  historyLimit: number,
): PatientAccount {
  const state = projection.state;
  const balances = patientBalances(state, patientId);
  const packages = packagesOfPatient(state, patientId, now).map((view) => ({
    ...view,
    label: `${view.used} of ${view.size}`,
  }));
  const sessions: Record<string, SessionNumber> = {};
  for (const view of packages) {
    for (const appointmentId of state.packages.get(view.packageId)?.uses.keys() ?? []) {
      const session = sessionOfAppointment(state, appointmentId);
      if (session) sessions[appointmentId] = session;
    }
  }
  const provenance = new Map<string, HistoryItem['creditMovements']>();
  for (const item of creditProvenance(state, patientId)) {
    const list = provenance.get(item.entryId) ?? [];
    list.push(item);
    provenance.set(item.entryId, list);
  }
  const mine = [...projection.entries.values()].filter(
    (entry) => entry.patientId === patientId || entry.counterpartyPatientId === patientId,
  );
  mine.sort((a, b) => (newer(a, b) ? -1 : 1));
  const history = mine
    .slice(0, historyLimit)
    .map((entry) => historyItem(entry, patientId, state.reversedBy, provenance, names.staff));
  const flows = creditFlows(state, patientId);
  return {
    patientId,
    currency: state.currency,
    balances: {
      credit: balances.credit,
      owing: balances.owing,
      funderHeld: balances.funderHeld.map((row) => ({
        ...row,
        name: names.funders.get(row.funderId) ?? row.funderId,
      })),
    },
    packages,
    sessions,
    openInvoices: openInvoices(state, { patientId }),
    invoices: invoicesOfPatient(state, patientId),
    payments: paymentsOfPatient(state, patientId)
      .filter((payment) => isPositive(payment.unrefunded))
      .map((payment) => ({
        paymentId: payment.paymentId,
        receivedAt: payment.receivedAt,
        unrefunded: payment.unrefunded,
        methods: payment.unrefundedByMethod
          .filter((row) => isPositive(row.amount))
          .map((row) => row.method),
      })),
    creditFlows: { ...flows },
    history,
    historyTotal: mine.length,
    needsAttention: needsAttentionForPatient(state, patientId),
  };
}

/** Newest first: by business time, then by id (recording order). */
function newer(a: JournalEntry, b: JournalEntry): boolean {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt > b.occurredAt;
  return a.id > b.id;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function historyItem(
  entry: JournalEntry,
  patientId: string,
  reversedBy: Map<string, string>,
  provenance: Map<string, HistoryItem['creditMovements']>,
  staff: Map<string, string>,
): HistoryItem {
  return {
    entryId: entry.id,
    kind: entry.kind,
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
    recordedBy: {
      staffId: entry.staffId,
      name: staff.get(entry.staffId) ?? entry.staffId,
      deskId: entry.deskId,
    },
    number: entry.number,
    method: text(entry.data['method']),
    reference: text(entry.data['reference']),
    invoiceId: entry.invoiceId,
    packageId: entry.packageId,
    appointmentId: entry.appointmentId,
    paymentId: entry.paymentId,
    counterpartyPatientId:
      entry.patientId === patientId ? entry.counterpartyPatientId : entry.patientId,
    reverses: entry.reverses,
    reversedBy: reversedBy.get(entry.id) ?? '',
    reasonCode: entry.reasonCode,
    memo: entry.memo,
    lines: entry.lines
      .filter((line) => patientOfAccount(line.account) === patientId)
      .map((line) => ({
        account: line.account,
        amount: isGuardedLiability(line.account) ? negate(line.amount) : line.amount,
      })),
    creditMovements: provenance.get(entry.id) ?? [],
  };
}
