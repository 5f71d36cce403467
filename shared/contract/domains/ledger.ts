// Ledger operations: every command of the journal, and the queries the screens
// need that are folds over entries (balances, packages, positions), which RxDB
// queries alone cannot answer. The schemas check shape only (strings for
// amounts and ids, the enums); the ledger's commands check values and answer
// with sentences a receptionist can act on ("Only 40.00 of credit is available").
// Money crosses as decimal strings.
import { z } from 'zod';
import type {
  Appointment,
  AttentionItem,
  EntryKind,
  FunderPosition,
  InvoiceView,
  PackageView,
  PaymentMethod,
  ProvenanceItem,
  SessionNumber,
  SettlementSummary,
  Violation,
} from '../../ledger/index.ts';
import { PAYMENT_METHODS } from '../../ledger/entry.ts';
import { catalogOperationArgs } from './catalog.ts';

const id = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .min(1, `${label} is required.`)
    .max(128, `${label} is too long.`);
const amount = (label = 'Amount') =>
  z.string({ error: `${label} must be an amount such as "80.00".` });
const text = z.string({ error: 'Must be text.' }).max(2000, 'Keep it under 2,000 characters.');
const method = z.enum(PAYMENT_METHODS as [PaymentMethod, ...PaymentMethod[]], {
  error: `Payment method must be one of ${PAYMENT_METHODS.join(', ')}.`,
});
const instant = z.string({ error: 'Must be a date and time.' });

const payment = z.object({ method, amount: amount(), reference: text.optional() }).strict();
const funderShare = z.object({ funderId: id('Funder'), amount: amount() }).strict();
const patientShare = z.object({ patientId: id('Patient'), amount: amount() }).strict();
const allocate = z
  .union([
    z.literal('oldest-first'),
    z.literal('none'),
    z.array(z.object({ invoiceId: id('Invoice'), amount: amount() }).strict()),
  ])
  .optional();
const settlementFields = {
  /** 'auto', an amount, or '0' for none */
  credit: z.string().optional(),
  funderHeld: z.array(funderShare).optional(),
  payments: z.array(payment).optional(),
};
const settlement = z.object(settlementFields).strict();

/** A one-off package: described at the sale and checked as a catalog plan is, never saved as one. */
export const oneOffPackageArgs = catalogOperationArgs.savePackagePlan.omit({
  id: true,
  active: true,
});

export const ledgerOperationArgs = {
  recordPayment: z
    .object({
      payer: z.discriminatedUnion('type', [
        z.object({ type: z.literal('patient'), patientId: id('Patient') }).strict(),
        z
          .object({
            type: z.literal('funder'),
            funderId: id('Funder'),
            patientId: id('Patient').optional(),
          })
          .strict(),
      ]),
      method,
      amount: amount(),
      reference: text.optional(),
      allocate,
      memo: text.optional(),
      occurredAt: instant.optional(),
    })
    .strict(),
  recordUnappliedPayment: z
    .object({
      method,
      amount: amount(),
      reference: text.optional(),
      memo: text.optional(),
      occurredAt: instant.optional(),
    })
    .strict(),
  assignUnappliedPayment: z
    .object({
      paymentId: id('Payment'),
      to: z.discriminatedUnion('type', [
        z.object({ type: z.literal('patient'), patientId: id('Patient') }).strict(),
        z
          .object({ type: z.literal('funder'), funderId: id('Funder'), patientId: id('Patient') })
          .strict(),
      ]),
      amount: amount().optional(),
      allocate,
      memo: text.optional(),
    })
    .strict(),
  recordFunderLumpSum: z
    .object({
      funderId: id('Funder'),
      method,
      amount: amount(),
      reference: text.optional(),
      splits: z.array(patientShare).optional(),
      memo: text.optional(),
      occurredAt: instant.optional(),
    })
    .strict(),
  allocateFunderMoney: z
    .object({ funderId: id('Funder'), splits: z.array(patientShare), memo: text.optional() })
    .strict(),
  sellPackage: z
    .object({
      patientId: id('Patient'),
      /** a plan from the catalog … */
      planId: id('Package plan').optional(),
      /** … or a one-off package (exactly one of the two) */
      oneOff: oneOffPackageArgs.optional(),
      payer: z
        .discriminatedUnion('type', [
          z.object({ type: z.literal('patient') }).strict(),
          z.object({ type: z.literal('funder'), funderId: id('Funder') }).strict(),
        ])
        .optional(),
      settlement: settlement.optional(),
      memo: text.optional(),
      occurredAt: instant.optional(),
    })
    .strict()
    .superRefine((args, check) => {
      if ((args.planId === undefined) === (args.oneOff === undefined)) {
        check.addIssue({
          code: 'custom',
          path: ['planId'],
          message:
            args.planId === undefined
              ? 'Choose a package plan or describe a one-off package.'
              : 'Choose a package plan or a one-off package, not both.',
        });
      }
    }),
  expirePackage: z.object({ packageId: id('Package'), memo: text.optional() }).strict(),
  bookAppointment: z
    .object({
      patientId: id('Patient'),
      serviceId: id('Service'),
      practitionerId: id('Practitioner'),
      start: instant,
      /** default: the service's duration */
      durationMinutes: z.number({ error: 'Duration is a number of minutes.' }).optional(),
      /** default: the service's price now */
      price: amount('Price').optional(),
      packageId: id('Package').optional(),
    })
    .strict(),
  rescheduleAppointment: z
    .object({
      appointmentId: id('Appointment'),
      start: instant,
      practitionerId: id('Practitioner').optional(),
      durationMinutes: z.number({ error: 'Duration is a number of minutes.' }).optional(),
    })
    .strict(),
  cancelAppointment: z
    .object({
      appointmentId: id('Appointment'),
      late: z.boolean({ error: 'Say whether the cancellation is late.' }),
      fee: amount('Fee').optional(),
      reasonCode: text.optional(),
      memo: text.optional(),
    })
    .strict(),
  markNoShow: z
    .object({
      appointmentId: id('Appointment'),
      fee: amount('Fee').optional(),
      reasonCode: text.optional(),
      memo: text.optional(),
    })
    .strict(),
  attendAppointment: z.object({ appointmentId: id('Appointment') }).strict(),
  checkOutAppointment: z
    .object({
      appointmentId: id('Appointment'),
      lines: z
        .array(
          z
            .object({ description: text, serviceId: z.string().max(128), amount: amount() })
            .strict(),
        )
        .optional(),
      /** the package to use a session of; default the appointment's; '' for none */
      packageId: z.string().max(128).optional(),
      ...settlementFields,
      memo: text.optional(),
    })
    .strict(),
  transferCredit: z
    .object({
      fromPatientId: id('Patient'),
      toPatientId: id('Patient'),
      amount: amount(),
      memo: text.optional(),
    })
    .strict(),
  refundCredit: z
    .object({
      patientId: id('Patient'),
      paymentId: id('Payment'),
      amount: amount(),
      method: method.optional(),
      reasonCode: text.optional(),
      memo: text.optional(),
    })
    .strict(),
  unapplyCredit: z
    .object({
      patientId: id('Patient'),
      invoiceId: id('Invoice'),
      amount: amount().optional(),
      memo: text.optional(),
    })
    .strict(),
  writeOffCredit: z
    .object({
      patientId: id('Patient'),
      amount: amount().optional(),
      reasonCode: text.optional(),
      memo: text.optional(),
    })
    .strict(),
  grantCourtesyCredit: z
    .object({
      patientId: id('Patient'),
      amount: amount(),
      reasonCode: text.optional(),
      memo: text.optional(),
    })
    .strict(),
  waiveFee: z
    .object({
      patientId: id('Patient'),
      invoiceId: id('Invoice'),
      amount: amount().optional(),
      reasonCode: text.optional(),
      memo: text.optional(),
    })
    .strict(),
  convertFeeToCredit: z
    .object({
      patientId: id('Patient'),
      invoiceId: id('Invoice'),
      reasonCode: text.optional(),
      memo: text.optional(),
    })
    .strict(),
  reverseEntry: z
    .object({ entryId: id('Entry'), reasonCode: text.optional(), memo: text.optional() })
    .strict(),

  // Queries (folds)
  patientAccount: z
    .object({
      patientId: id('Patient'),
      /** newest entries of the money history to return (default 200) */
      historyLimit: z.number().int().min(1).max(100_000).optional(),
    })
    .strict(),
  funderAccount: z.object({ funderId: id('Funder') }).strict(),
  needsAttention: z.object({}).strict(),
  selfCheck: z.object({}).strict(),
  checkoutQuote: z.object({ appointmentId: id('Appointment') }).strict(),
} as const;

/** What every command answers: the entries it wrote and their document numbers. */
export interface Recorded {
  entryIds: string[];
  /** invoice and receipt numbers given out, e.g. ["D1-INV-000123"] */
  numbers: string[];
}

export interface PaymentRecorded extends Recorded {
  paymentId: string;
  allocations: { invoiceId: string; amount: string }[];
  remainder: string;
}

export interface AppointmentRecorded extends Recorded {
  appointment: Appointment;
}

export interface MissedVisitRecorded extends AppointmentRecorded {
  charge: 'session' | 'fee' | 'none';
  invoiceId: string;
}

/** One event in a patient's money history, with who recorded it and what it did to their credit. */
export interface HistoryItem {
  entryId: string;
  kind: EntryKind;
  occurredAt: string;
  recordedAt: string;
  recordedBy: { staffId: string; name: string; deskId: string };
  number: string;
  /** payment method and reference when money came in */
  method: string;
  reference: string;
  invoiceId: string;
  packageId: string;
  appointmentId: string;
  paymentId: string;
  /** the other patient of a transfer */
  counterpartyPatientId: string;
  reverses: string;
  reversedBy: string;
  reasonCode: string;
  memo: string;
  /** this patient's lines, liabilities turned round (credit +40.00 = credit received) */
  lines: { account: string; amount: string }[];
  /** how this event moved the patient's account credit (provenance) */
  creditMovements: ProvenanceItem[];
}

export interface PatientAccount {
  patientId: string;
  currency: string;
  balances: {
    credit: string;
    owing: string;
    funderHeld: { funderId: string; name: string; amount: string }[];
  };
  packages: (PackageView & { label: string })[];
  /** session numbers ("2 of 5") by appointment id */
  sessions: Record<string, SessionNumber>;
  openInvoices: InvoiceView[];
  invoices: InvoiceView[];
  /** refundable payments: what each still has unrefunded */
  payments: { paymentId: string; receivedAt: string; unrefunded: string; methods: string[] }[];
  creditFlows: Record<string, string>;
  history: HistoryItem[];
  /** entries in the history in all (the list may be cut at historyLimit) */
  historyTotal: number;
  needsAttention: AttentionItem[];
}

export interface FunderAccount {
  funderId: string;
  name: string;
  currency: string;
  positions: (FunderPosition & { patientName: string })[];
  unallocated: string;
  lumpSums: {
    entryId: string;
    paymentId: string;
    receivedAt: string;
    amount: string;
    method: string;
    reference: string;
  }[];
  owing: string;
  invoices: InvoiceView[];
}

export interface CheckoutQuote {
  appointment: Appointment;
  currency: string;
  lines: { description: string; serviceId: string; amount: string }[];
  total: string;
  /** the package session that fits the visit, or null */
  package: { packageId: string; name: string; label: string; share: string } | null;
  /** what the package does not cover */
  charged: string;
  creditAvailable: string;
  funderAvailable: { funderId: string; name: string; amount: string }[];
  /** what the check-out screen pre-fills: funder money first, then credit, rest owing */
  suggested: {
    packageId: string;
    funderHeld: { funderId: string; amount: string }[];
    credit: string;
    owing: string;
  };
  /** why a package the patient holds cannot be used, when one was meant to */
  packageProblem: string;
}

export interface SelfCheckReport {
  entries: number;
  violations: Violation[];
  trialBalanceTotal: string;
}

export interface LedgerOperationResults {
  recordPayment: PaymentRecorded;
  recordUnappliedPayment: Recorded & { paymentId: string };
  assignUnappliedPayment: PaymentRecorded;
  recordFunderLumpSum: PaymentRecorded;
  allocateFunderMoney: Recorded;
  sellPackage: Recorded & {
    packageId: string;
    invoiceId: string;
    paymentId: string;
    settlement: SettlementSummary;
  };
  expirePackage: Recorded & { toBreakage: string; toCredit: string; cancelled: string };
  bookAppointment: AppointmentRecorded;
  rescheduleAppointment: AppointmentRecorded;
  cancelAppointment: MissedVisitRecorded;
  markNoShow: MissedVisitRecorded;
  attendAppointment: AppointmentRecorded;
  checkOutAppointment: AppointmentRecorded & {
    invoiceId: string;
    paymentId: string;
    session: { packageId: string; share: string; label: string } | null;
    settlement: SettlementSummary;
  };
  transferCredit: Recorded;
  refundCredit: Recorded;
  unapplyCredit: Recorded;
  writeOffCredit: Recorded;
  grantCourtesyCredit: Recorded;
  waiveFee: Recorded;
  convertFeeToCredit: Recorded & { toCredit: string };
  reverseEntry: Recorded;
  patientAccount: PatientAccount;
  funderAccount: FunderAccount;
  needsAttention: { ready: boolean; items: AttentionItem[] };
  selfCheck: SelfCheckReport;
  checkoutQuote: CheckoutQuote;
}
