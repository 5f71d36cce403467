// Xero sales invoices import (CSV): one row per invoice line, at most 500 invoices per
// file. So that an invoice settled without money shows as paid in Xero, what settled
// it at the desk is written as negative lines against the account that paid: a
// package session against deferred revenue, account credit against the credit
// liability, funder money against the funder liability, and money taken at the desk
// against its clearing account. The invoice total is then what is still owed.
import { isPositive, minAmount, negate, subtract } from '../money.ts';
import type { Amount } from '../money.ts';
import type { InvoiceDocument, InvoiceMove, JournalEntry, PaymentMethod } from '../ledger/entry.ts';
import type { AccountMapping, LedgerCategory } from './account-mapping.ts';
import type { ExportFile } from './export-file.ts';
import { splitIntoFiles } from './export-file.ts';
import { LocalDays, regionalDate } from './local-days.ts';
import type { ClinicFrame, Directory } from './report-table.ts';
import { byText } from './report-table.ts';

/** Xero's sales invoice template, in its order. */
export const XERO_INVOICE_COLUMNS = [
  '*ContactName',
  'EmailAddress',
  'POAddressLine1',
  'POAddressLine2',
  'POAddressLine3',
  'POAddressLine4',
  'POCity',
  'PORegion',
  'POPostalCode',
  'POCountry',
  '*InvoiceNumber',
  'Reference',
  '*InvoiceDate',
  '*DueDate',
  'InventoryItemCode',
  '*Description',
  '*Quantity',
  '*UnitAmount',
  'Discount',
  '*AccountCode',
  '*TaxType',
  'TrackingName1',
  'TrackingOption1',
  'TrackingName2',
  'TrackingOption2',
  'Currency',
  'BrandingTheme',
] as const;

export const XERO_INVOICES_PER_FILE = 500;

interface InvoiceLineOut {
  description: string;
  amount: Amount;
  category: LedgerCategory;
}

const REVENUE_OF_SOURCE: Record<InvoiceDocument['source'], LedgerCategory> = {
  checkout: 'serviceRevenue',
  fee: 'feeRevenue',
  package: 'deferredRevenue',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The invoice's lines, then what settled it in the same entry, as negative lines. */
function linesOf(entry: JournalEntry, invoice: InvoiceDocument): InvoiceLineOut[] {
  const out: InvoiceLineOut[] = [];
  const share = typeof entry.data['sessionShare'] === 'string' ? entry.data['sessionShare'] : '';
  for (const line of invoice.lines) {
    if (line.packageId) {
      // A package session: the revenue recognised is the session's share of the price.
      const value = share || line.amount;
      out.push({ description: line.description, amount: value, category: 'serviceRevenue' });
      out.push({
        description: 'Paid by package session',
        amount: negate(value),
        category: 'deferredRevenue',
      });
    } else {
      out.push({
        description: line.description,
        amount: line.amount,
        category: REVENUE_OF_SOURCE[invoice.source],
      });
    }
  }
  const moves = Array.isArray(entry.data['invoiceMoves'])
    ? (entry.data['invoiceMoves'] as unknown as InvoiceMove[])
    : [];
  const payments = Array.isArray(entry.data['payments'])
    ? (entry.data['payments'] as unknown[]).filter(isObject)
    : [];
  for (const move of moves) {
    if (move.invoiceId !== invoice.invoiceId || !isPositive(move.amount)) continue;
    if (move.how === 'credit') {
      out.push({
        description: 'Paid from account credit',
        amount: negate(move.amount),
        category: 'patientCredit',
      });
    } else if (move.how === 'funderHeld') {
      out.push({
        description: 'Paid from funder money held',
        amount: negate(move.amount),
        category: 'funderHeld',
      });
    } else if (move.how === 'payment') {
      // Money applied to the invoice, split over the methods in the order they were given.
      let left = move.amount;
      for (const payment of payments) {
        if (!isPositive(left)) break;
        const method = String(payment['method']) as PaymentMethod;
        const part = minAmount(left, String(payment['amount']));
        if (!isPositive(part)) continue;
        out.push({
          description: `Paid at the desk (${method})`,
          amount: negate(part),
          category: method,
        });
        left = subtract(left, part);
      }
      if (isPositive(left)) {
        out.push({ description: 'Paid at the desk', amount: negate(left), category: 'suspense' });
      }
    }
  }
  return out;
}

export function xeroSalesInvoices(
  entries: readonly JournalEntry[],
  range: { from: string; to: string },
  frame: ClinicFrame,
  directory: Directory,
  mapping: AccountMapping,
): ExportFile[] {
  const days = new LocalDays(range.from, range.to, frame.timeZone);
  const invoices: { date: string; number: string; rows: string[][] }[] = [];
  for (const entry of entries) {
    if (entry.kind === 'reversal' || !isObject(entry.data['invoice'])) continue;
    const date = days.dateOf(entry.occurredAt);
    if (!date) continue;
    const invoice = entry.data['invoice'] as unknown as InvoiceDocument;
    const contact =
      invoice.payer === 'funder'
        ? directory.funder(invoice.funderId)
        : directory.patient(invoice.patientId);
    const reference = invoice.payer === 'funder' ? directory.patient(invoice.patientId).name : '';
    const number = invoice.number || invoice.invoiceId;
    const shown = regionalDate(date, frame.locale);
    const rows = linesOf(entry, invoice).map((line) => {
      const account = mapping[line.category];
      return [
        contact.name,
        contact.email,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        number,
        reference,
        shown,
        shown,
        '',
        line.description,
        '1',
        line.amount,
        '',
        account.code,
        account.taxType,
        '',
        '',
        '',
        '',
        frame.currency,
        '',
      ];
    });
    invoices.push({ date, number, rows });
  }
  invoices.sort((a, b) => byText(a.date, b.date) || byText(a.number, b.number));
  return splitIntoFiles(
    invoices.map((invoice) => invoice.rows),
    { groups: XERO_INVOICES_PER_FILE },
    XERO_INVOICE_COLUMNS,
    `xero-invoices-${range.from}-to-${range.to}`,
  );
}
