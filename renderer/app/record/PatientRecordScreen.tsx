// A patient's record: details now; balances, packages, appointments and the
// money history join it (see the Reception screens work).
import { map } from 'rxjs';
import type { Patient } from '../../../shared/patients/patient.ts';
import { openPatientId } from '../navigation.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';

export function PatientRecordScreen() {
  const { db } = useServices();
  const patientId = openPatientId.value;
  const patient = useObservable<Patient | null>(
    () =>
      db.patients.findOne(patientId).$.pipe(map((doc) => (doc ? (doc.toJSON() as Patient) : null))),
    null,
    [patientId],
  );
  if (!patient) return <p class="empty">Loading the patient…</p>;
  return (
    <div class="screen">
      <header class="screen__header">
        <h1>
          {patient.firstName} {patient.lastName}
        </h1>
      </header>
      <section class="panel" aria-label="Details">
        <dl class="details">
          <dt>Phone</dt>
          <dd>{patient.phone || '—'}</dd>
          <dt>Email</dt>
          <dd>{patient.email || '—'}</dd>
          <dt>Date of birth</dt>
          <dd>{patient.dateOfBirth || '—'}</dd>
        </dl>
      </section>
    </div>
  );
}
