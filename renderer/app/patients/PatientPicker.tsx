// Type-ahead choice of a patient inside a form (booking a visit, a transfer's
// other patient, a funder's split): a combobox over the same folded search
// text as the Patients screen (accent- and case-insensitive, partial, phone
// digits, date of birth). Arrow keys move, Enter chooses. A live RxDB query, so
// a patient added elsewhere is found at once.
import { useId, useState } from 'preact/hooks';
import { map } from 'rxjs';
import type { Patient } from '../../../shared/patients/patient.ts';
import { searchNeedle } from '../../../shared/patients/search-text.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';
import { FieldNotes, fieldNoteIds } from '../ui/FieldNotes.tsx';
import './patient-picker.css';

const LIMIT = 8;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface PickedPatient {
  id: string;
  /** "First Last", as the form shows and says it */
  name: string;
}

export interface PatientPickerProps {
  label: string;
  /** the input's form name */
  name?: string;
  value: PickedPatient | null;
  /** null when the desk types again after choosing */
  onChange: (patient: PickedPatient | null) => void;
  /** Patients not offered (e.g. the one giving the credit). */
  exclude?: readonly string[];
  error?: string | undefined;
  /** Marks the label as required, like the form's other required fields. */
  required?: boolean;
  autoFocus?: boolean;
}

export function PatientPicker(props: PatientPickerProps) {
  const { db } = useServices();
  const id = useId();
  const [typed, setTyped] = useState(props.value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const needle = searchNeedle(typed);
  const excluded = props.exclude ?? [];

  const found = useObservable<Patient[]>(
    () =>
      db.patients
        .find({
          selector: needle === '' ? {} : { searchText: { $regex: escapeRegex(needle) } },
          sort: [{ lastName: 'asc' }, { firstName: 'asc' }],
          // Enough that LIMIT remain after the excluded ones are taken out.
          limit: LIMIT + excluded.length,
        })
        .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Patient))),
    [],
    [needle, excluded.length],
  );
  const options = found.filter((p) => !excluded.includes(p.id)).slice(0, LIMIT);

  const choose = (patient: Patient) => {
    const name = `${patient.firstName} ${patient.lastName}`;
    props.onChange({ id: patient.id, name });
    setTyped(name);
    setOpen(false);
  };
  const listId = `${id}-list`;
  const notes = fieldNoteIds(id, undefined, props.error);
  const showList = open && options.length > 0;

  return (
    <div class={props.error ? 'field field--invalid picker' : 'field picker'}>
      <label for={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        name={props.name}
        type="text"
        role="combobox"
        autoComplete="off"
        autoFocus={props.autoFocus}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && options[active] ? `${id}-${active}` : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={notes.describedBy}
        placeholder="Type a name, phone or date of birth"
        value={typed}
        onInput={(event) => {
          setTyped(event.currentTarget.value);
          setOpen(true);
          setActive(0);
          if (props.value) props.onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive(Math.max(0, Math.min(active + 1, options.length - 1)));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive(Math.max(active - 1, 0));
          } else if (event.key === 'Enter' && showList) {
            const patient = options[active];
            if (patient) {
              // Choose, rather than submit the form.
              event.preventDefault();
              choose(patient);
            }
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
        aria-label={`${props.label}: matches`}
        class="picker__list"
        hidden={!showList}
      >
        {options.map((patient, index) => (
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
            <span>
              {patient.firstName} {patient.lastName}
            </span>
            <span class="results__meta">
              {[patient.phone, patient.dateOfBirth].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <FieldNotes ids={notes} error={props.error} />
    </div>
  );
}
