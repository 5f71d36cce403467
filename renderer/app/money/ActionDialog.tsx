// The frame every money action shares: a dialog with a form, the main
// process's refusal shown in words next to the field it is about, an optional
// preview of the result, and — for what cannot be undone — a confirmation step
// before anything is saved.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OperationError, OpResult } from '../../../shared/contract/result.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FormActions, FormAlert } from '../ui/FormActions.tsx';

/** Refusals about an amount belong next to the amount field even when unnamed. */
const AMOUNT_CODES = new Set([
  'insufficient-credit',
  'insufficient-funds',
  'invalid-amount',
  'over-allocated',
]);

export function fieldOfError(error: OperationError): string {
  if (error.field) return error.field;
  return AMOUNT_CODES.has(error.code) ? 'amount' : '';
}

export interface ActionDialogProps {
  title: string;
  onClose: () => void;
  submitLabel: string;
  /** False while the form has a problem: saving is not offered. */
  ready: boolean;
  /** Irreversible actions: what will happen, asked before saving. */
  confirm?: string;
  /** The result before saving (sessions, price, what becomes credit …). */
  preview?: ComponentChildren;
  /** Names of the fields this form shows (a refusal about another goes at the bottom). */
  fields: string[];
  run: () => Promise<OpResult<unknown>>;
  /** Told once the action is saved, with the sentence to show on the record. */
  onDone: (message: string) => void;
  doneMessage: string;
  wide?: boolean;
  /** The form, given the main process's message for a field (or undefined). */
  children: (serverError: (field: string) => string | undefined) => ComponentChildren;
}

export function ActionDialog(props: ActionDialogProps) {
  const [error, setError] = useState<OperationError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const field = error ? fieldOfError(error) : '';
  const fieldShown = field !== '' && props.fields.includes(field);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const save = async () => {
    setSaving(true);
    const result = await props.run();
    setSaving(false);
    setConfirming(false);
    if (result.ok) props.onDone(props.doneMessage);
    else setError(result.error);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (!props.ready || saving) return;
    if (props.confirm && !confirming) setConfirming(true);
    else void save();
  };

  return (
    <Dialog title={props.title} onClose={props.onClose} wide={props.wide}>
      <form
        class="form action-form"
        noValidate
        onSubmit={submit}
        onInput={() => {
          setError(null);
          setConfirming(false);
        }}
        onChange={() => setConfirming(false)}
      >
        <fieldset class="action-form__fields" disabled={confirming || saving}>
          {props.children((name) =>
            error && fieldShown && field === name ? error.message : undefined,
          )}
        </fieldset>
        {props.preview ? (
          <div class="action-form__preview" aria-live="polite">
            {props.preview}
          </div>
        ) : null}
        <FormAlert message={error && !fieldShown ? error.message : undefined} />
        {confirming ? (
          <div class="action-form__confirm" role="group" aria-label="Confirm">
            <p>
              <strong>This cannot be undone.</strong> {props.confirm}
            </p>
            <div class="form__actions">
              <button
                ref={confirmButton}
                type="submit"
                class="button button--danger"
                disabled={saving}
              >
                {saving ? 'Saving…' : `Yes, ${props.submitLabel.toLowerCase()}`}
              </button>
              <button type="button" class="button" onClick={() => setConfirming(false)}>
                Go back
              </button>
            </div>
          </div>
        ) : (
          <FormActions
            submitLabel={props.submitLabel}
            busy={saving}
            disabled={!props.ready}
            onCancel={props.onClose}
          />
        )}
      </form>
    </Dialog>
  );
}
