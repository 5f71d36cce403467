// The printable payment receipt. On screen it is a preview inside the
// check-out dialog; printed (receipt.css), it is the only thing on the page.
import { isPositive } from '../../../shared/money.ts';
import type { ReceiptData } from './receipt.ts';
import './receipt.css';

export interface PaymentReceiptProps {
  receipt: ReceiptData;
  money: (amount: string) => string;
  locale: string;
}

export function PaymentReceipt({ receipt, money, locale }: PaymentReceiptProps) {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(receipt.issuedAt),
  );
  return (
    <article class="receipt" aria-label="Receipt">
      <header class="receipt__header">
        <h3 class="receipt__clinic">{receipt.clinicName}</h3>
        <p class="receipt__title">{receipt.receiptNumber ? 'Receipt' : 'Invoice'}</p>
      </header>
      <dl class="receipt__facts">
        <dt>Patient</dt>
        <dd>{receipt.patientName}</dd>
        <dt>Date</dt>
        <dd>{when}</dd>
        <dt>Invoice</dt>
        <dd>{receipt.invoiceNumber}</dd>
        {receipt.receiptNumber ? (
          <>
            <dt>Receipt</dt>
            <dd>{receipt.receiptNumber}</dd>
          </>
        ) : null}
      </dl>
      <table class="receipt__table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" class="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line, index) => (
            <tr key={index}>
              <td>
                {line.description}
                {line.note ? <span class="receipt__note"> — {line.note}</span> : null}
              </td>
              <td class="num">{money(line.amount)}</td>
            </tr>
          ))}
          <tr class="receipt__total">
            <th scope="row">Total</th>
            <td class="num">{money(receipt.total)}</td>
          </tr>
        </tbody>
      </table>
      <h4 class="receipt__subhead">How it was settled</h4>
      <table class="receipt__table">
        <tbody>
          {receipt.settled.map((row, index) => (
            <tr key={index}>
              <td>{row.label}</td>
              <td class="num">{money(row.amount)}</td>
            </tr>
          ))}
          {receipt.lines.some((line) => line.note) ? (
            <tr>
              <td colSpan={2}>Package session as noted above</td>
            </tr>
          ) : null}
          {isPositive(receipt.toCredit) ? (
            <tr>
              <td>Extra paid, kept as account credit</td>
              <td class="num">{money(receipt.toCredit)}</td>
            </tr>
          ) : null}
          <tr class="receipt__total">
            <th scope="row">Still owing</th>
            <td class="num">{money(receipt.owing)}</td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
