// A money input: what is typed stays a string; it is checked with the same
// parser the main process uses (shared/money.ts), so the form and the ledger
// never disagree about a cent. Figures are right-aligned with tabular digits.
import { useId } from 'preact/hooks';
import { parseAmount } from '../../../shared/money.ts';
import { FieldNotes, fieldNoteIds } from './FieldNotes.tsx';

export interface MoneyFieldProps {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  currency: string;
  /** Shown beside the field, e.g. "available 120.00". */
  hint?: string;
  /** Allow an empty field (meaning none). */
  optional?: boolean;
  /** Extra rule, e.g. not more than what is available; returns a message or ''. */
  check?: (amount: string) => string;
  /** A message from the main process for this field. */
  error?: string | undefined;
  disabled?: boolean;
}

/** The message for a typed amount, or '' when it is fine. */
export function moneyProblem(
  value: string,
  currency: string,
  optional: boolean,
  check?: (amount: string) => string,
): string {
  if (value.trim() === '') return optional ? '' : 'Enter an amount.';
  const parsed = parseAmount(value.trim(), currency);
  if (!parsed.ok) return parsed.error.message;
  return check ? check(parsed.amount) : '';
}

export function MoneyField(props: MoneyFieldProps) {
  const id = useId();
  const problem =
    props.error ?? moneyProblem(props.value, props.currency, props.optional ?? false, props.check);
  const notes = fieldNoteIds(id, props.hint, problem);
  return (
    <div class={problem ? 'field field--money field--invalid' : 'field field--money'}>
      <label for={id}>{props.label}</label>
      <div class="money-input">
        <span class="money-input__currency" aria-hidden="true">
          {props.currency}
        </span>
        <input
          id={id}
          name={props.name}
          inputMode="decimal"
          autoComplete="off"
          value={props.value}
          disabled={props.disabled}
          aria-invalid={problem ? true : undefined}
          aria-describedby={notes.describedBy}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      </div>
      <FieldNotes ids={notes} hint={props.hint} error={problem} />
    </div>
  );
}
