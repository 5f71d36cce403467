// Amounts as other systems and spreadsheets write them: "1234.5", "$1,234.50",
// "AUD 80.00". Anything else is refused with the reason; money stays a decimal
// string throughout (shared/money.ts parses it).
import { isPositive, isZero, parseAmount, type Amount } from '../money.ts';

export type AmountResult = { ok: true; amount: Amount } | { ok: false; message: string };

const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

export function parseImportAmount(raw: string, currency: string): AmountResult {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'The amount is empty.' };
  // A currency code or symbol in front is how exports often write money.
  let bare = text
    .replace(new RegExp(`^${currency}\\s*`, 'i'), '')
    .replace(/^[$€£¥]\s*/, '')
    .trim();
  if (THOUSANDS.test(bare)) bare = bare.replace(/,/g, '');
  const parsed = parseAmount(bare, currency);
  if (!parsed.ok) return { ok: false, message: `"${text}" is not an amount such as 80.00.` };
  if (isZero(parsed.amount))
    return { ok: false, message: 'The amount is zero: nothing to bring over.' };
  if (!isPositive(parsed.amount)) return { ok: false, message: `"${text}" is negative.` };
  return { ok: true, amount: parsed.amount };
}
