import { useState } from 'preact/hooks';
import { AddPatientForm } from './AddPatientForm.tsx';
import { PatientSearchList } from './PatientSearchList.tsx';
import { openPatient } from '../navigation.ts';

export function PatientsScreen() {
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');

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
      <PatientSearchList onOpen={(patient) => openPatient(patient.id)} />
    </div>
  );
}
