// Type-ahead patient list over the window's live index of patients (see
// patient-index.ts), so a patient added in another window (or arriving by
// sync) appears without reload. The list is busy (aria-busy) until the whole
// index has loaded; the first rows show before that.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { searchNeedle } from '../../../shared/patients/search-text.ts';
import { focusSearchRequest } from '../navigation.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';
import { patientIndex, visibleRows, type PatientIndex, type PatientRow } from './patient-index.ts';

const LIMIT = 50;
const LOADING: PatientIndex = { rows: [], complete: false };

export function PatientSearchList(props: { onOpen: (patient: PatientRow) => void }) {
  const { db } = useServices();
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const needle = searchNeedle(typed);

  useEffect(() => {
    if (focusSearchRequest.value > 0) input.current?.focus();
  }, [focusSearchRequest.value]);

  const index = useObservable<PatientIndex>(() => patientIndex(db, LIMIT), LOADING, [db]);
  const { rows: patients, pending } = useMemo(
    () => visibleRows(index, needle, LIMIT),
    [index, needle],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(Math.min(active + 1, patients.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(active - 1, 0));
    } else if (event.key === 'Enter') {
      const chosen = patients[active];
      if (chosen) props.onOpen(chosen);
    }
  };

  return (
    <section class="panel" aria-labelledby="patients-heading">
      <h2 id="patients-heading">Patients</h2>
      <input
        ref={input}
        class="search"
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls="patient-results"
        aria-activedescendant={patients[active] ? `patient-${patients[active].id}` : undefined}
        aria-label="Search patients by name, phone or date of birth"
        placeholder="Search by name, phone or date of birth  (Ctrl+K)"
        value={typed}
        onInput={(event) => {
          setTyped(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        id="patient-results"
        role="listbox"
        aria-label="Matching patients"
        aria-busy={index.complete ? 'false' : 'true'}
        class="results"
      >
        {patients.map((patient, index) => (
          <li
            key={patient.id}
            id={`patient-${patient.id}`}
            role="option"
            aria-selected={index === active}
            class={index === active ? 'results__item results__item--active' : 'results__item'}
            onClick={() => props.onOpen(patient)}
          >
            <span class="results__name">
              {patient.lastName}, {patient.firstName}
            </span>
            <span class="results__meta">
              {[patient.phone, patient.dateOfBirth].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {pending ? (
        <p class="empty">Loading patients…</p>
      ) : patients.length === 0 && index !== LOADING ? (
        <p class="empty">{needle ? `No patient matches “${typed.trim()}”.` : 'No patients yet.'}</p>
      ) : null}
    </section>
  );
}
