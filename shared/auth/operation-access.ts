// Who may call each operation of the contract: the one table the main
// process's dispatcher enforces before validating or running anything (the
// screens may hide buttons, but hiding is not the control). A missing
// operation is a type error here, and the dispatcher refuses any operation
// without a row (fail closed); operation-access.test.ts checks both.
//
// - public: no sign-in needed (what the sign-in screen itself uses)
// - reception: anyone signed in (reception or manager)
// - manager: a manager only; `action` finishes the refusal's sentence
//   "Only a manager can <action>. Ask a manager to sign in."
import type { OperationName } from '../contract/operations.ts';
import type { StaffRole } from '../catalog/catalog.ts';

export type Access = 'public' | 'reception' | 'manager';

export type AccessRule =
  | { readonly access: 'public' | 'reception' }
  | { readonly access: 'manager'; readonly action: string };

const PUBLIC: AccessRule = { access: 'public' };
const RECEPTION: AccessRule = { access: 'reception' };
const manager = (action: string): AccessRule => ({ access: 'manager', action });

export const OPERATION_ACCESS: { readonly [N in OperationName]: AccessRule } & Readonly<
  Record<string, AccessRule>
> = {
  // the desk and patients
  appInfo: PUBLIC,
  addPatient: RECEPTION,
  updatePatient: RECEPTION,

  // sign-in, staff, audit
  authStatus: PUBLIC,
  createFirstManager: PUBLIC, // refused by its handler once anyone can sign in
  signIn: PUBLIC,
  lock: PUBLIC,
  reportActivity: PUBLIC,
  listStaff: manager('see the staff list'),
  addStaff: manager('add staff'),
  setStaffSecret: manager('set a PIN or password'),
  setIdleLock: manager('change when the desk locks itself'),
  auditTrail: manager('see the audit trail'),

  // reference documents
  saveService: manager('change services and prices'),
  savePackagePlan: manager('change package plans'),
  saveClinicSettings: manager('change the clinic settings'),
  saveStaff: manager('change staff'),
  saveFunder: RECEPTION,

  // money in, packages, appointments, transfers
  recordPayment: RECEPTION,
  recordUnappliedPayment: RECEPTION,
  assignUnappliedPayment: RECEPTION,
  recordFunderLumpSum: RECEPTION,
  allocateFunderMoney: RECEPTION,
  sellPackage: RECEPTION,
  bookAppointment: RECEPTION,
  rescheduleAppointment: RECEPTION,
  cancelAppointment: RECEPTION,
  markNoShow: RECEPTION,
  attendAppointment: RECEPTION,
  checkOutAppointment: RECEPTION,
  transferCredit: RECEPTION,
  unapplyCredit: RECEPTION,

  // money out, concessions, corrections
  refundCredit: manager('refund credit'),
  writeOffCredit: manager('write off credit'),
  grantCourtesyCredit: manager('give courtesy credit'),
  waiveFee: manager('waive a fee'),
  convertFeeToCredit: manager('turn a fee into credit'),
  reverseEntry: manager('reverse an entry'),
  expirePackage: manager('close a package at expiry'),

  // folds the screens read
  patientAccount: RECEPTION,
  funderAccount: RECEPTION,
  needsAttention: RECEPTION,
  selfCheck: RECEPTION,
  checkoutQuote: RECEPTION,

  // backups: anyone may back up; settings, the passphrase, restore and the full export are a manager's
  backupStatus: RECEPTION,
  backUpNow: RECEPTION,
  listBackups: RECEPTION,
  setBackupSettings: manager('change backup settings'),
  setBackupPassphrase: manager('change backup settings'),
  clearBackupPassphrase: manager('change backup settings'),
  checkRestore: manager('restore a backup'),
  restoreFromBackup: manager('restore a backup'),
  exportAllJson: manager('export all data'),

  // reports and accounting exports
  runReport: RECEPTION,
  runExport: manager('export to the accounts'),
  listExports: manager('see accounting exports'),
  accountMapping: manager('see the account mapping'),
  setAccountMapping: manager('change the account mapping'),

  // first run: open to nobody signed in (nobody can be yet); refused once the desk is set up
  setupStatus: PUBLIC,
  completeSetup: PUBLIC,
  restoreAtSetup: PUBLIC,
  openDemoClinic: PUBLIC,

  // moving in from another system
  startImport: manager('import from another system'),
  importStatus: manager('import from another system'),
  cancelImport: manager('import from another system'),
  commitImport: manager('import from another system'),

  // sync between desks (the password goes in, never out)
  syncStatus: RECEPTION,
  setSyncSettings: manager('change sync settings'),

  // receipts and statements saved as PDF (what the signed-in screen already shows)
  saveAsPdf: RECEPTION,
};

/** The rule of an operation, or null when it has none (the dispatcher then refuses it). */
export function accessRuleOf(name: string): AccessRule | null {
  return Object.hasOwn(OPERATION_ACCESS, name) ? (OPERATION_ACCESS[name] ?? null) : null;
}

/** Whether someone with `role` (null: nobody signed in) may call an operation of this rule. */
export function mayCall(rule: AccessRule, role: StaffRole | null): boolean {
  if (rule.access === 'public') return true;
  if (role === null) return false;
  return rule.access === 'reception' || role === 'manager';
}

export function managerOnlyMessage(action: string): string {
  return `Only a manager can ${action}. Ask a manager to sign in.`;
}
