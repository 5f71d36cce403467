// Split funder money across patients: a row per patient with an amount, and
// what is left to split, updated as you type. Checked here for form; the main
// process checks the sums again.
import { PatientPicker, type PickedPatient } from '../patients/PatientPicker.tsx';
import { MoneyField } from '../ui/MoneyField.tsx';
import { aboveZero } from '../money/amounts.ts';

export interface SplitRow {
  key: number;
  patient: PickedPatient | null;
  amount: string;
}

let nextKey = 1;
export function newSplitRow(): SplitRow {
  return { key: nextKey++, patient: null, amount: '' };
}

export function SplitRows(props: {
  rows: SplitRow[];
  onChange: (rows: SplitRow[]) => void;
  currency: string;
  /** "Left to split: 120.00" */
  leftText: string;
  serverError?: string | undefined;
}) {
  const update = (index: number, change: Partial<SplitRow>) =>
    props.onChange(props.rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const chosen = props.rows.map((row) => row.patient?.id ?? '').filter(Boolean);
  return (
    <fieldset class="choice splits">
      <legend>Split across patients</legend>
      {props.rows.map((row, index) => (
        <div class="form__row splits__row" key={row.key}>
          <PatientPicker
            label={`Patient ${index + 1}`}
            name={`splitPatient${index}`}
            value={row.patient}
            onChange={(patient) => update(index, { patient })}
            exclude={chosen.filter((id) => id !== row.patient?.id)}
          />
          <MoneyField
            label={`Amount for patient ${index + 1}`}
            name={`splitAmount${index}`}
            value={row.amount}
            onInput={(amount) => update(index, { amount })}
            currency={props.currency}
            check={aboveZero}
            optional={row.patient === null}
          />
          <button
            type="button"
            class="button splits__remove"
            aria-label={`Remove patient ${index + 1}`}
            onClick={() => props.onChange(props.rows.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <div class="splits__foot">
        <button
          type="button"
          class="button"
          onClick={() => props.onChange([...props.rows, newSplitRow()])}
        >
          Add a patient
        </button>
        <span class="num" aria-live="polite">
          {props.leftText}
        </span>
      </div>
      {props.serverError ? (
        <small class="field__error" role="alert">
          {props.serverError}
        </small>
      ) : null}
    </fieldset>
  );
}
