import { useState } from 'preact/hooks';
import type { Patient } from '../../../shared/patients/patient.ts';
import { AddPatientForm } from './AddPatientForm.tsx';
import { PatientSearchList } from './PatientSearchList.tsx';

export function PatientsScreen() {
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const [opened, setOpened] = useState<Patient | null>(null);
  return (
    <div class="screen">
      <header class="screen__header">
        <h1>Patients</h1>
        {!adding ? (
          <button type="button" class="button button--primary" onClick={() => setAdding(true)}>
            New patient
          </button>
        ) : null}
      </header>
      <p class="notice" role="status">
        {notice}
      </p>
      {adding ? (
        <AddPatientForm
          onAdded={(_id, name) => {
            setNotice(`${name} was added.`);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <PatientSearchList onOpen={setOpened} />
      {opened ? (
        <section class="panel" aria-label="Selected patient">
          <h2>
            {opened.firstName} {opened.lastName}
          </h2>
          <dl class="details">
            <dt>Phone</dt>
            <dd>{opened.phone || '—'}</dd>
            <dt>Email</dt>
            <dd>{opened.email || '—'}</dd>
            <dt>Date of birth</dt>
            <dd>{opened.dateOfBirth || '—'}</dd>
          </dl>
        </section>
      ) : null}
    </div>
  );
}
