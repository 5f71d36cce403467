// A patient's record: details, balance chips, packages, appointments with their
// session numbers, the money history with its provenance, and the money
// actions. Balances and history are folds of the journal asked of the main
// process, and asked again whenever the journal changes.
import { useEffect, useState } from 'preact/hooks';
import { map } from 'rxjs';
import type { Patient } from '../../../shared/patients/patient.ts';
import { openPatientId } from '../navigation.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';
import { useClinic } from '../data/clinic.ts';
import { useLedgerQuery } from '../data/use-ledger-query.ts';
import { namesById, useCatalog } from '../data/use-catalog.ts';
import { BalanceChips } from './BalanceChips.tsx';
import { PackagesPanel } from './PackagesPanel.tsx';
import { AppointmentsPanel } from './AppointmentsPanel.tsx';
import { MoneyHistory } from './MoneyHistory.tsx';
import { RecordActions } from './RecordActions.tsx';
import { EditDetailsDialog } from './EditDetailsDialog.tsx';
import { usePatientNames } from '../data/use-patient-names.ts';
import type { HistoryNames } from './history-text.ts';
import './record.css';
import '../money/money.css';

/** History entries fetched first; more are asked for as the reader scrolls. */
const FIRST_PAGE = 100;
const NEXT_PAGE = 500;

export function PatientRecordScreen() {
  const { db, operations } = useServices();
  const clinic = useClinic();
  const patientId = openPatientId.value;
  const [historyLimit, setHistoryLimit] = useState(FIRST_PAGE);
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    setHistoryLimit(FIRST_PAGE);
    setNotice('');
  }, [patientId]);

  const patient = useObservable<Patient | null>(
    () =>
      db.patients.findOne(patientId).$.pipe(map((doc) => (doc ? (doc.toJSON() as Patient) : null))),
    null,
    [patientId],
  );
  const query = useLedgerQuery(
    () => operations.patientAccount({ patientId, historyLimit }),
    [patientId, historyLimit],
  );
  const account = query.value?.patientId === patientId ? query.value : null;
  const funders = namesById(useCatalog('funder'));
  const services = namesById(useCatalog('service'));
  const others = usePatientNames(account?.history.map((item) => item.counterpartyPatientId) ?? []);

  if (!patient) return <p class="empty">Loading the patient…</p>;
  const fullName = `${patient.firstName} ${patient.lastName}`;
  const kinds = new Map(account?.history.map((item) => [item.entryId, item.kind]) ?? []);
  const names: HistoryNames = {
    name: (id) =>
      id === patientId ? fullName : (others.get(id) ?? funders.get(id) ?? 'another patient'),
    packageName: (id) => {
      const sale = account?.packages.find((p) => p.packageId === id)?.sale;
      return sale ? `${sale.name} (${sale.sessions} for ${clinic.money(sale.price)})` : 'package';
    },
    kindOf: (entryId) => kinds.get(entryId) ?? '',
  };

  return (
    <div class="screen record">
      <header class="screen__header">
        <h1>{fullName}</h1>
        {account ? <BalanceChips account={account} money={clinic.money} /> : null}
      </header>
      <p class="notice" role="status">
        {notice}
      </p>
      {query.error ? (
        <p class="form__error" role="alert">
          {query.error}
        </p>
      ) : null}
      {account ? (
        <RecordActions
          patientId={patientId}
          patientName={fullName}
          account={account}
          onDone={(message) => {
            setNotice(message);
            query.refresh();
          }}
        />
      ) : null}
      <div class="record__columns">
        <div class="record__side">
          <section class="panel" aria-labelledby="details-heading">
            <div class="record__panel-header">
              <h2 id="details-heading">Details</h2>
              <button type="button" class="button" onClick={() => setEditing(true)}>
                Edit details
              </button>
            </div>
            {editing ? (
              <EditDetailsDialog
                patient={patient}
                onClose={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  setNotice('Details saved.');
                }}
              />
            ) : null}
            <dl class="details">
              <dt>Phone</dt>
              <dd>{patient.phone || '—'}</dd>
              <dt>Email</dt>
              <dd>{patient.email || '—'}</dd>
              <dt>Date of birth</dt>
              <dd>{patient.dateOfBirth || '—'}</dd>
              {patient.notes ? (
                <>
                  <dt>Notes</dt>
                  <dd>{patient.notes}</dd>
                </>
              ) : null}
            </dl>
          </section>
          {account ? (
            <PackagesPanel packages={account.packages} money={clinic.money} date={clinic.date} />
          ) : null}
          <AppointmentsPanel
            patientId={patientId}
            sessions={account?.sessions ?? {}}
            serviceName={(id) => services.get(id) ?? 'Service'}
            dateTime={clinic.dateTime}
          />
        </div>
        <section class="panel record__history" aria-labelledby="history-heading">
          <h2 id="history-heading">Money history</h2>
          {!account ? (
            <p class="empty">Loading the money history…</p>
          ) : account.history.length === 0 ? (
            <p class="empty">No money events yet.</p>
          ) : (
            <MoneyHistory
              items={account.history}
              total={account.historyTotal}
              currency={account.currency}
              names={names}
              money={clinic.money}
              dateTime={clinic.dateTime}
              onNeedMore={() => {
                if (historyLimit <= account.history.length)
                  setHistoryLimit(account.history.length + NEXT_PAGE);
              }}
            />
          )}
        </section>
      </div>
    </div>
  );
}
