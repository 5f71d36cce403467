// A patient's statement for a period: credit and owing at the start and end,
// and every money event in between with what it did to each.
import { useState } from 'preact/hooks';
import type { HistoryItem } from '../../../shared/contract/domains/ledger.ts';
import { add, zeroAmount } from '../../../shared/money.ts';
import { useServices } from '../services.ts';
import { useClinic } from '../data/clinic.ts';
import { useLedgerQuery } from '../data/use-ledger-query.ts';
import {
  historyDetail,
  historyEffects,
  historyTitle,
  signedMoney,
} from '../record/history-text.ts';
import { TextField } from '../ui/TextField.tsx';
import { PrintableDialog } from './PrintableDialog.tsx';
import { placeInPeriod, thisMonth } from './period.ts';

const ALL = 100_000;

export function PatientStatement(props: {
  patientId: string;
  patientName: string;
  onClose: () => void;
}) {
  const { operations } = useServices();
  const clinic = useClinic();
  const [period, setPeriod] = useState(() => thisMonth(new Date(), clinic.timeZone));
  const query = useLedgerQuery(
    () => operations.patientAccount({ patientId: props.patientId, historyLimit: ALL }),
    [props.patientId],
  );
  const account = query.value;
  const currency = account?.currency ?? clinic.currency;
  let openingCredit = zeroAmount(currency);
  let openingOwing = zeroAmount(currency);
  let closingCredit = zeroAmount(currency);
  let closingOwing = zeroAmount(currency);
  const during: { item: HistoryItem; credit: string; owing: string }[] = [];
  for (const item of account?.history ?? []) {
    const place = placeInPeriod(item.occurredAt, period, clinic.timeZone);
    if (place === 'after') continue;
    const effects = historyEffects(item, currency);
    closingCredit = add(closingCredit, effects.credit);
    closingOwing = add(closingOwing, effects.owing);
    if (place === 'before') {
      openingCredit = add(openingCredit, effects.credit);
      openingOwing = add(openingOwing, effects.owing);
    } else during.push({ item, credit: effects.credit, owing: effects.owing });
  }
  during.reverse(); // oldest first on paper
  const names = {
    name: (id: string) => (id === props.patientId ? props.patientName : 'another patient'),
    packageName: (id: string) =>
      account?.packages.find((p) => p.packageId === id)?.sale.name ?? 'package',
    kindOf: (entryId: string) => account?.history.find((h) => h.entryId === entryId)?.kind ?? '',
  };
  const validPeriod =
    /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to);
  const show = (amount: string) => signedMoney(amount, clinic.money);

  return (
    <PrintableDialog
      title={`Statement — ${props.patientName}`}
      onClose={props.onClose}
      controls={
        <>
          <TextField
            label="From"
            name="from"
            type="date"
            value={period.from}
            onInput={(from) => setPeriod({ ...period, from })}
            error={validPeriod ? undefined : 'Choose both dates.'}
          />
          <TextField
            label="To"
            name="to"
            type="date"
            value={period.to}
            onInput={(to) => setPeriod({ ...period, to })}
          />
        </>
      }
    >
      <header>
        <div>
          <h3>{clinic.clinicName || 'Statement'}</h3>
          <div>Statement for {props.patientName}</div>
        </div>
        <div class="statement__meta">
          <div>
            {clinic.date(`${period.from}T12:00:00Z`)} – {clinic.date(`${period.to}T12:00:00Z`)}
          </div>
          <div>Printed {clinic.date(new Date().toISOString())}</div>
        </div>
      </header>
      {!account ? (
        <p class="empty">Loading…</p>
      ) : (
        <>
          <dl class="statement__totals">
            <dt>Credit at the start</dt>
            <dd>{clinic.money(openingCredit)}</dd>
            <dt>Owing at the start</dt>
            <dd>{clinic.money(openingOwing)}</dd>
            <dt>Credit at the end</dt>
            <dd>{clinic.money(closingCredit)}</dd>
            <dt>Owing at the end</dt>
            <dd>{clinic.money(closingOwing)}</dd>
          </dl>
          <h4>Money events in the period</h4>
          {during.length === 0 ? (
            <p class="empty">None.</p>
          ) : (
            <table class="table table--dense">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">What</th>
                  <th scope="col" class="num">
                    Credit
                  </th>
                  <th scope="col" class="num">
                    Owing
                  </th>
                </tr>
              </thead>
              <tbody>
                {during.map(({ item, credit, owing }) => (
                  <tr key={item.entryId}>
                    <td>{clinic.date(item.occurredAt)}</td>
                    <td>
                      {historyTitle(item, names)}
                      {historyDetail(item, names) ? ` · ${historyDetail(item, names)}` : ''}
                    </td>
                    <td class="num">{show(credit)}</td>
                    <td class="num">{show(owing)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {account.packages.length > 0 ? (
            <>
              <h4>Packages</h4>
              <table class="table table--dense">
                <thead>
                  <tr>
                    <th scope="col">Package</th>
                    <th scope="col" class="num">
                      Used
                    </th>
                    <th scope="col" class="num">
                      Left
                    </th>
                    <th scope="col">Expires</th>
                  </tr>
                </thead>
                <tbody>
                  {account.packages.map((pkg) => (
                    <tr key={pkg.packageId}>
                      <td>{pkg.sale.name}</td>
                      <td class="num">
                        {pkg.used} of {pkg.size}
                      </td>
                      <td class="num">{pkg.remaining}</td>
                      <td>{pkg.expiresAt ? clinic.date(pkg.expiresAt) : 'never'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </>
      )}
    </PrintableDialog>
  );
}
