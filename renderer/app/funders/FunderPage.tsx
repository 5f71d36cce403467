// One funder: what it has paid, what is held for each patient, what was spent
// on sessions delivered, what remains; its lump sums; and the actions — record
// a lump sum, split money held, edit, print a statement.
import { useState } from 'preact/hooks';
import { FileText, Pencil, Split, Wallet } from 'lucide-preact';
import type { Funder } from '../../../shared/catalog/catalog.ts';
import { isPositive } from '../../../shared/money.ts';
import { openPatient } from '../navigation.ts';
import { useServices } from '../services.ts';
import { useClinic } from '../data/clinic.ts';
import { useLedgerQuery } from '../data/use-ledger-query.ts';
import { FunderStatement } from '../statements/FunderStatement.tsx';
import { FunderForm, KIND_WORDS } from './FunderForm.tsx';
import { FunderMoneyDialog } from './FunderMoneyDialog.tsx';
import { funderTotals } from './funder-totals.ts';
import { LumpSumsTable } from './LumpSumsTable.tsx';

type Open = 'edit' | 'lumpSum' | 'allocate' | 'statement' | null;

export function FunderPage(props: { funder: Funder; onNotice: (message: string) => void }) {
  const { operations } = useServices();
  const clinic = useClinic();
  const [open, setOpen] = useState<Open>(null);
  const { funder } = props;
  const query = useLedgerQuery(
    () => operations.funderAccount({ funderId: funder.id }),
    [funder.id],
  );
  const account = query.value?.funderId === funder.id ? query.value : null;
  const totals = account ? funderTotals(account) : null;
  const done = (message: string) => {
    setOpen(null);
    props.onNotice(message);
    query.refresh();
  };

  return (
    <section class="panel funder" aria-labelledby="funder-heading">
      <header class="funder__head">
        <div>
          <h2 id="funder-heading">{funder.name}</h2>
          <p class="funder__contact">
            {[
              KIND_WORDS[funder.kind],
              funder.contactName,
              funder.phone,
              funder.email,
              funder.reference,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <div class="toolbar" role="toolbar" aria-label={`${funder.name} actions`}>
          <button
            type="button"
            class="button button--primary button--icon"
            onClick={() => setOpen('lumpSum')}
          >
            <Wallet size={16} aria-hidden="true" />
            Record lump sum
          </button>
          <button
            type="button"
            class="button button--icon"
            disabled={!account || !isPositive(account.unallocated)}
            onClick={() => setOpen('allocate')}
          >
            <Split size={16} aria-hidden="true" />
            Split money not yet split
          </button>
          <button type="button" class="button button--icon" onClick={() => setOpen('statement')}>
            <FileText size={16} aria-hidden="true" />
            Statement
          </button>
          <button type="button" class="button button--icon" onClick={() => setOpen('edit')}>
            <Pencil size={16} aria-hidden="true" />
            Edit
          </button>
        </div>
      </header>
      {query.error ? (
        <p class="form__error" role="alert">
          {query.error}
        </p>
      ) : null}
      {!account || !totals ? (
        <p class="empty">Loading…</p>
      ) : (
        <>
          <ul class="chips" aria-label="Totals">
            <li class="chip">
              <span class="chip__label">Received</span>
              <strong>{clinic.money(totals.received)}</strong>
            </li>
            <li class="chip">
              <span class="chip__label">Held for patients</span>
              <strong>{clinic.money(totals.held)}</strong>
            </li>
            <li class="chip">
              <span class="chip__label">Spent on sessions</span>
              <strong>{clinic.money(totals.spent)}</strong>
            </li>
            <li class="chip">
              <span class="chip__label">Remaining</span>
              <strong>{clinic.money(totals.remaining)}</strong>
            </li>
            <li class="chip">
              <span class="chip__label">Not yet split</span>
              <strong>{clinic.money(account.unallocated)}</strong>
            </li>
            {isPositive(account.owing) ? (
              <li class="chip chip--warn">
                <span class="chip__label">Owes the clinic</span>
                <strong>{clinic.money(account.owing)}</strong>
              </li>
            ) : null}
          </ul>
          <h3 class="funder__sub">Patients</h3>
          {account.positions.length === 0 ? (
            <p class="empty">No money held for any patient yet.</p>
          ) : (
            <table class="table table--dense" aria-label="Money per patient">
              <thead>
                <tr>
                  <th scope="col">Patient</th>
                  <th scope="col" class="num">
                    Received
                  </th>
                  <th scope="col" class="num">
                    Spent on sessions
                  </th>
                  <th scope="col" class="num">
                    Expired
                  </th>
                  <th scope="col" class="num">
                    Remaining
                  </th>
                  <th scope="col" class="num">
                    Held as money
                  </th>
                </tr>
              </thead>
              <tbody>
                {account.positions.map((position) => (
                  <tr key={position.patientId}>
                    <td>
                      <button
                        type="button"
                        class="button button--link"
                        onClick={() => openPatient(position.patientId)}
                      >
                        {position.patientName}
                      </button>
                    </td>
                    <td class="num">{clinic.money(position.received)}</td>
                    <td class="num">{clinic.money(position.spent)}</td>
                    <td class="num">{clinic.money(position.expired)}</td>
                    <td class="num">{clinic.money(position.remaining)}</td>
                    <td class="num">{clinic.money(position.held)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 class="funder__sub">Lump sums received</h3>
          {account.lumpSums.length === 0 ? (
            <p class="empty">None.</p>
          ) : (
            <LumpSumsTable
              lumpSums={account.lumpSums}
              clinic={clinic}
              dateHeading="Received"
              label="Lump sums received"
            />
          )}
        </>
      )}
      {open === 'edit' ? (
        <FunderForm
          funder={funder}
          onClose={() => setOpen(null)}
          onSaved={(message) => done(message)}
        />
      ) : null}
      {(open === 'lumpSum' || open === 'allocate') && account ? (
        <FunderMoneyDialog
          mode={open}
          funderId={funder.id}
          funderName={funder.name}
          currency={account.currency}
          unallocated={account.unallocated}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      ) : null}
      {open === 'statement' ? (
        <FunderStatement funder={funder} onClose={() => setOpen(null)} />
      ) : null}
    </section>
  );
}
