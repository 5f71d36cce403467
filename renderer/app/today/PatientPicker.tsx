// Type-ahead choice of a patient inside a form: a combobox over the same folded
// search text as the Patients screen (accent- and case-insensitive, partial,
// phone digits, date of birth). Arrow keys move, Enter chooses.
import { useId, useState } from 'preact/hooks';
import { map } from 'rxjs';
import type { Patient } from '../../../shared/patients/patient.ts';
import { searchNeedle } from '../../../shared/patients/search-text.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';

const LIMIT = 8;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function patientName(patient: Pick<Patient, 'firstName' | 'lastName'>): string {
  return `${patient.firstName} ${patient.lastName}`;
}

export interface PatientPickerProps {
  label: string;
  chosen: Patient | null;
  onChoose: (patient: Patient | null) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}

export function PatientPicker(props: PatientPickerProps) {
  const { db } = useServices();
  const id = useId();
  const [typed, setTyped] = useState(props.chosen ? patientName(props.chosen) : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const needle = searchNeedle(typed);

  const matches = useObservable<Patient[]>(
    () =>
      db.patients
        .find({
          selector: needle === '' ? {} : { searchText: { $regex: escapeRegex(needle) } },
          sort: [{ lastName: 'asc' }, { firstName: 'asc' }],
          limit: LIMIT,
        })
        .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Patient))),
    [],
    [needle],
  );

  const choose = (patient: Patient) => {
    props.onChoose(patient);
    setTyped(patientName(patient));
    setOpen(false);
  };
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const showList = open && matches.length > 0;

  return (
    <div class={props.error ? 'field field--invalid picker' : 'field picker'}>
      <label for={id}>
        {props.label}
        <span aria-hidden="true"> *</span>
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        autoFocus={props.autoFocus}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && matches[active] ? `${id}-${active}` : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        placeholder="Type a name, phone or date of birth"
        value={typed}
        onInput={(event) => {
          setTyped(event.currentTarget.value);
          setOpen(true);
          setActive(0);
          if (props.chosen) props.onChoose(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive(Math.min(active + 1, matches.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive(Math.max(active - 1, 0));
          } else if (event.key === 'Enter' && showList) {
            event.preventDefault();
            const patient = matches[active];
            if (patient) choose(patient);
          } else if (event.key === 'Escape' && showList) {
            // Close the list, not the dialog.
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching patients"
        class="picker__list"
        hidden={!showList}
      >
        {matches.map((patient, index) => (
          <li
            key={patient.id}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === active}
            class={index === active ? 'results__item results__item--active' : 'results__item'}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(patient);
            }}
          >
            <span>{patientName(patient)}</span>
            <span class="results__meta">
              {[patient.phone, patient.dateOfBirth].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {props.error ? (
        <small id={errorId} class="field__error" role="alert">
          {props.error}
        </small>
      ) : null}
    </div>
  );
}
