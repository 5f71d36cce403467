// Choose another patient by typing part of a name, phone or date of birth;
// arrow keys move through the matches, Enter chooses. A live RxDB query, so a
// patient added elsewhere is found at once.
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

export interface PickedPatient {
  id: string;
  name: string;
}

export function PatientPicker(props: {
  label: string;
  name: string;
  value: PickedPatient | null;
  onChange: (patient: PickedPatient | null) => void;
  /** Patients not offered (e.g. the one giving the credit). */
  exclude?: string[];
  error?: string | undefined;
}) {
  const { db } = useServices();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const needle = searchNeedle(typed);
  const found = useObservable<Patient[]>(
    () =>
      db.patients
        .find({
          selector: needle === '' ? {} : { searchText: { $regex: escapeRegex(needle) } },
          sort: [{ lastName: 'asc' }, { firstName: 'asc' }],
          limit: LIMIT + (props.exclude?.length ?? 0),
        })
        .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Patient))),
    [],
    [needle],
  );
  const options = found.filter((p) => !props.exclude?.includes(p.id)).slice(0, LIMIT);
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const choose = (patient: Patient) => {
    props.onChange({ id: patient.id, name: `${patient.firstName} ${patient.lastName}` });
    setTyped(`${patient.firstName} ${patient.lastName}`);
    setOpen(false);
  };

  return (
    <div class={props.error ? 'field field--invalid picker' : 'field picker'}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? `${id}-${options[active].id}` : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        placeholder="Type a name, phone or date of birth"
        value={typed}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onInput={(event) => {
          setTyped(event.currentTarget.value);
          setActive(0);
          setOpen(true);
          if (props.value) props.onChange(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive(Math.min(active + 1, options.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive(Math.max(active - 1, 0));
          } else if (event.key === 'Enter' && open) {
            const chosen = options[active];
            if (chosen) {
              event.preventDefault();
              choose(chosen);
            }
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {open && options.length > 0 ? (
        <ul id={listId} role="listbox" aria-label={`${props.label}: matches`} class="picker__list">
          {options.map((patient, index) => (
            <li
              key={patient.id}
              id={`${id}-${patient.id}`}
              role="option"
              aria-selected={index === active}
              class={index === active ? 'picker__item picker__item--active' : 'picker__item'}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(patient);
              }}
            >
              {patient.firstName} {patient.lastName}
              <span class="picker__meta">
                {[patient.phone, patient.dateOfBirth].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {props.error ? (
        <small id={errorId} class="field__error" role="alert">
          {props.error}
        </small>
      ) : null}
    </div>
  );
}
