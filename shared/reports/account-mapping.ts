// How the journal's accounts map onto the clinic's chart of accounts. The journal
// keeps one account per patient, package and funder; the books want a handful of
// accounts. Each internal account falls into one category, and each category maps
// to an account code, its name and a tax type (Settings → Accounting).
import { parseAccount } from '../ledger/accounts.ts';

export const LEDGER_CATEGORIES = [
  'cash',
  'card',
  'eft',
  'cheque',
  'remittance',
  'patientReceivable',
  'funderReceivable',
  'patientCredit',
  'funderHeld',
  'funderUnallocated',
  'deferredRevenue',
  'unapplied',
  'serviceRevenue',
  'feeRevenue',
  'breakageRevenue',
  'creditWrittenOff',
  'courtesyExpense',
  'suspense',
] as const;

export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number];

export interface MappedAccount {
  /** the account code in the accounting system, e.g. "200" */
  code: string;
  /** its name there (QuickBooks imports by name) */
  name: string;
  /** the tax type/rate name, e.g. "GST Free Income", "BAS Excluded" */
  taxType: string;
}

export type AccountMapping = Record<LedgerCategory, MappedAccount>;

/** What a category holds, for people choosing its account. */
export const CATEGORY_LABELS: Record<LedgerCategory, string> = {
  cash: 'Cash taken at the desk',
  card: 'Card payments (terminal settlement)',
  eft: 'Bank transfers (EFT)',
  cheque: 'Cheques',
  remittance: 'Insurer remittances',
  patientReceivable: 'Owed by patients',
  funderReceivable: 'Owed by funders',
  patientCredit: "Patients' account credit (liability)",
  funderHeld: 'Funder money held for patients (liability)',
  funderUnallocated: 'Funder money not yet split (liability)',
  deferredRevenue: 'Unused package value (deferred revenue)',
  unapplied: 'Money of unknown payer (liability)',
  serviceRevenue: 'Service revenue (visits and package sessions)',
  feeRevenue: 'Late-cancel and no-show fees',
  breakageRevenue: 'Package breakage (expired value)',
  creditWrittenOff: 'Credit written off',
  courtesyExpense: 'Courtesy credits and fee waivers',
  suspense: 'Anything not recognised (should stay empty)',
};

const EXCLUDED = 'BAS Excluded';
const GST_FREE = 'GST Free Income';

/**
 * Defaults for an Australian allied-health clinic on Xero's standard chart (health
 * services are mostly GST-free). Receivables map to clearing accounts, because Xero
 * refuses manual journals to its system Accounts Receivable account.
 */
export const DEFAULT_ACCOUNT_MAPPING: AccountMapping = {
  cash: { code: '091', name: 'Cash on hand', taxType: EXCLUDED },
  card: { code: '092', name: 'Card clearing', taxType: EXCLUDED },
  eft: { code: '090', name: 'Business bank account', taxType: EXCLUDED },
  cheque: { code: '093', name: 'Cheques to deposit', taxType: EXCLUDED },
  remittance: { code: '094', name: 'Insurer remittances clearing', taxType: EXCLUDED },
  patientReceivable: { code: '611', name: 'Patient receivables clearing', taxType: EXCLUDED },
  funderReceivable: { code: '612', name: 'Funder receivables clearing', taxType: EXCLUDED },
  patientCredit: { code: '821', name: 'Patient account credit', taxType: EXCLUDED },
  funderHeld: { code: '822', name: 'Funder money held for patients', taxType: EXCLUDED },
  funderUnallocated: { code: '823', name: 'Funder money unallocated', taxType: EXCLUDED },
  deferredRevenue: { code: '824', name: 'Deferred revenue - packages', taxType: EXCLUDED },
  unapplied: { code: '825', name: 'Unapplied receipts', taxType: EXCLUDED },
  serviceRevenue: { code: '200', name: 'Sales - services', taxType: GST_FREE },
  feeRevenue: { code: '201', name: 'Cancellation and no-show fees', taxType: GST_FREE },
  breakageRevenue: { code: '202', name: 'Package breakage', taxType: GST_FREE },
  creditWrittenOff: { code: '203', name: 'Credit written off', taxType: EXCLUDED },
  courtesyExpense: { code: '404', name: 'Courtesy credits and waivers', taxType: EXCLUDED },
  suspense: { code: '899', name: 'Suspense', taxType: EXCLUDED },
};

/** The category an internal account belongs to. */
export function categoryOf(account: string): LedgerCategory {
  const parsed = parseAccount(account);
  switch (parsed.type) {
    case 'money':
      return parsed.method;
    case 'patientReceivable':
      return 'patientReceivable';
    case 'funderReceivable':
      return 'funderReceivable';
    case 'credit':
      return 'patientCredit';
    case 'funderHeld':
      return 'funderHeld';
    case 'funderUnallocated':
      return 'funderUnallocated';
    case 'unearned':
      return 'deferredRevenue';
    case 'unapplied':
      return 'unapplied';
    case 'revenue':
      if (parsed.name === 'revenue:service') return 'serviceRevenue';
      if (parsed.name === 'revenue:fees') return 'feeRevenue';
      if (parsed.name === 'revenue:breakage') return 'breakageRevenue';
      if (parsed.name === 'revenue:creditWrittenOff') return 'creditWrittenOff';
      return 'suspense';
    case 'expense':
      return parsed.name === 'expense:courtesy' ? 'courtesyExpense' : 'suspense';
    default:
      return 'suspense';
  }
}
