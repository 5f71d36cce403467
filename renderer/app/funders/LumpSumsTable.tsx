// A funder's lump sums received: shown on the funder's page and printed on its
// statement, from the same rows.
import type { FunderAccount } from '../../../shared/contract/domains/ledger.ts';
import type { Clinic } from '../data/clinic.ts';
import { methodLabel } from '../money/labels.ts';

export function LumpSumsTable(props: {
  lumpSums: FunderAccount['lumpSums'];
  clinic: Clinic;
  /** The first column's heading ("Received" on screen, "Date" on paper). */
  dateHeading: string;
  label?: string;
}) {
  const { clinic } = props;
  return (
    <table class="table table--dense" aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col">{props.dateHeading}</th>
          <th scope="col">Method</th>
          <th scope="col">Reference</th>
          <th scope="col" class="num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {props.lumpSums.map((sum) => (
          <tr key={sum.entryId}>
            <td>{clinic.date(sum.receivedAt)}</td>
            <td>{methodLabel(sum.method)}</td>
            <td>{sum.reference || '—'}</td>
            <td class="num">{sum.amount ? clinic.money(sum.amount) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
