// A funder's statement: what it paid, what is held for each patient, what was
// spent on sessions delivered, what remains — printable as a page.
import type { Funder } from '../../../shared/catalog/catalog.ts';
import { useServices } from '../services.ts';
import { useClinic } from '../data/clinic.ts';
import { useLedgerQuery } from '../data/use-ledger-query.ts';
import { funderTotals } from '../funders/funder-totals.ts';
import { LumpSumsTable } from '../funders/LumpSumsTable.tsx';
import { PrintableDialog } from './PrintableDialog.tsx';

export function FunderStatement(props: { funder: Funder; onClose: () => void }) {
  const { operations } = useServices();
  const clinic = useClinic();
  const query = useLedgerQuery(
    () => operations.funderAccount({ funderId: props.funder.id }),
    [props.funder.id],
  );
  const account = query.value;
  const totals = account ? funderTotals(account) : null;

  return (
    <PrintableDialog title={`Funder statement — ${props.funder.name}`} onClose={props.onClose}>
      <header>
        <div>
          <h3>{clinic.clinicName || 'Statement'}</h3>
          <div>Statement for {props.funder.name}</div>
          {props.funder.contactName ? <div>Attention: {props.funder.contactName}</div> : null}
          {props.funder.reference ? <div>Reference: {props.funder.reference}</div> : null}
        </div>
        <div class="statement__meta">Printed {clinic.date(new Date().toISOString())}</div>
      </header>
      {!account || !totals ? (
        <p class="empty">Loading…</p>
      ) : (
        <>
          <dl class="statement__totals">
            <dt>Received</dt>
            <dd>{clinic.money(totals.received)}</dd>
            <dt>Spent on sessions delivered</dt>
            <dd>{clinic.money(totals.spent)}</dd>
            <dt>Remaining</dt>
            <dd>{clinic.money(totals.remaining)}</dd>
            <dt>Not yet split between patients</dt>
            <dd>{clinic.money(account.unallocated)}</dd>
            <dt>Owing to the clinic</dt>
            <dd>{clinic.money(account.owing)}</dd>
          </dl>
          <h4>Per patient</h4>
          <table class="table table--dense">
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col" class="num">
                  Received
                </th>
                <th scope="col" class="num">
                  Spent
                </th>
                <th scope="col" class="num">
                  Expired
                </th>
                <th scope="col" class="num">
                  Remaining
                </th>
              </tr>
            </thead>
            <tbody>
              {account.positions.map((position) => (
                <tr key={position.patientId}>
                  <td>{position.patientName}</td>
                  <td class="num">{clinic.money(position.received)}</td>
                  <td class="num">{clinic.money(position.spent)}</td>
                  <td class="num">{clinic.money(position.expired)}</td>
                  <td class="num">{clinic.money(position.remaining)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>Total, with money not yet split</td>
                <td class="num">{clinic.money(totals.received)}</td>
                <td class="num">{clinic.money(totals.spent)}</td>
                <td class="num" />
                <td class="num">{clinic.money(totals.remaining)}</td>
              </tr>
            </tfoot>
          </table>
          {account.lumpSums.length > 0 ? (
            <>
              <h4>Payments received</h4>
              <LumpSumsTable lumpSums={account.lumpSums} clinic={clinic} dateHeading="Date" />
            </>
          ) : null}
        </>
      )}
    </PrintableDialog>
  );
}
