// The ledger's public API. See README.md in this folder for the model, the accounts and
// entry kinds, and how to use these from a service.
export type {
  EntryKind,
  InvoiceDocument,
  InvoiceLine,
  InvoiceMove,
  InvoiceMoveHow,
  JournalEntry,
  JsonValue,
  Line,
  PaymentMethod,
} from './entry.ts';
export { ENTRY_KINDS, PAYMENT_METHODS } from './entry.ts';
export type { ParsedAccount } from './accounts.ts';
export {
  accounts,
  EXPENSE_COURTESY,
  isGuardedLiability,
  isValidId,
  OPENING_BALANCES,
  parseAccount,
  patientOfAccount,
  REVENUE_BREAKAGE,
  REVENUE_CREDIT_WRITTEN_OFF,
  REVENUE_FEES,
  REVENUE_SERVICE,
  UNAPPLIED,
} from './accounts.ts';
export type { CommandContext, NumberKind } from './context.ts';
export type { CommandResult, LedgerError, LedgerErrorCode, Refusal } from './errors.ts';
export type { Appointment, AppointmentStatus } from './appointment.ts';
export type { ExpiryRule, OneOffPackage, PackagePlanSnapshot, SoldPackage } from './packagePlan.ts';

// State and folding
export type {
  AttentionItem,
  AttentionKind,
  CreditCategory,
  CreditFlows,
  LedgerState,
  ProvenanceItem,
} from './state.ts';
export { applyEntry, createLedgerState, fromEntries } from './state.ts';
export { checkInvariants } from './invariants.ts';
export type { Violation, ViolationKind } from './invariants.ts';

// Projections (read the state)
export {
  balanceOf,
  isTrialBalanceZero,
  liabilityOf,
  trialBalance,
  trialBalanceTotal,
} from './projections/balances.ts';
export type { TrialBalanceRow } from './projections/balances.ts';
export {
  creditFlows,
  creditOf,
  creditProvenance,
  funderHeldFor,
  owingOf,
  patientBalances,
} from './projections/patient.ts';
export type { PatientBalances } from './projections/patient.ts';
export { packagesOfPatient, packageView, sessionOfAppointment } from './projections/packages.ts';
export type { PackageStatus, PackageView, SessionNumber } from './projections/packages.ts';
export {
  invoicesOfFunder,
  invoicesOfPatient,
  invoiceView,
  openInvoices,
} from './projections/invoices.ts';
export type { InvoiceStatus, InvoiceView } from './projections/invoices.ts';
export {
  funderOwing,
  funderPosition,
  funderPositions,
  funderUnallocated,
} from './projections/funders.ts';
export type { FunderPosition } from './projections/funders.ts';
export { paymentsOfPatient, paymentView } from './projections/payments.ts';
export type { PaymentView } from './projections/payments.ts';
export { needsAttention, needsAttentionForPatient } from './projections/attention.ts';
export { snapshotState } from './projections/snapshot.ts';
export type { StateSnapshot } from './projections/snapshot.ts';

// Commands
export {
  allocateFunderMoney,
  assignUnappliedPayment,
  recordFunderLumpSum,
  recordPayment,
  recordUnappliedPayment,
} from './commands/payments.ts';
export type {
  AllocateFunderMoneyInput,
  AssignUnappliedPaymentInput,
  PaymentOutcome,
  RecordFunderLumpSumInput,
  RecordPaymentInput,
  RecordUnappliedPaymentInput,
} from './commands/payments.ts';
export type {
  AllocationInput,
  PaymentInput,
  SettlementInput,
  SettlementSummary,
} from './commands/settlement.ts';
export { expirePackage, sellPackage, sessionShare } from './commands/packages.ts';
export type {
  ExpirePackageInput,
  SellPackageInput,
  SellPackageOutcome,
} from './commands/packages.ts';
export {
  attendAppointment,
  bookAppointment,
  cancelAppointment,
  markNoShow,
  rescheduleAppointment,
} from './commands/appointments.ts';
export type {
  AttendAppointmentInput,
  BookAppointmentInput,
  CancelAppointmentInput,
  MarkNoShowInput,
  MissedVisitOutcome,
  RescheduleAppointmentInput,
} from './commands/appointments.ts';
export { checkOutAppointment } from './commands/checkout.ts';
export type { CheckOutInput, CheckOutOutcome, CheckoutLineInput } from './commands/checkout.ts';
export {
  convertFeeToCredit,
  grantCourtesyCredit,
  refundCredit,
  transferCredit,
  unapplyCredit,
  waiveFee,
  writeOffCredit,
} from './commands/credit.ts';
export type {
  ConvertFeeInput,
  CourtesyCreditInput,
  RefundCreditInput,
  TransferCreditInput,
  UnapplyCreditInput,
  WaiveFeeInput,
  WriteOffCreditInput,
} from './commands/credit.ts';
export { reverseEntry } from './commands/reverse.ts';
export type { ReverseEntryInput } from './commands/reverse.ts';
