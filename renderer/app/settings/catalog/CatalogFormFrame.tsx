// An inline form on a settings section: Save and Cancel, the main process's
// message next to its field (or below the form), Escape cancels.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { OperationError, OpResult } from '../../../../shared/contract/result.ts';
import { fieldOfError } from '../../money/ActionDialog.tsx';
import { FormActions, FormAlert } from '../../ui/FormActions.tsx';

export function CatalogFormFrame(props: {
  heading: string;
  submitLabel: string;
  ready: boolean;
  run: () => Promise<OpResult<unknown>>;
  onDone: () => void;
  onCancel?: () => void;
  fields?: string[];
  children: (serverError: (field: string) => string | undefined) => ComponentChildren;
}) {
  const [error, setError] = useState<OperationError | null>(null);
  const [saving, setSaving] = useState(false);
  const field = error ? fieldOfError(error) : '';
  const fields = props.fields ?? [];
  const shownAtField = field !== '' && (fields.length === 0 || fields.includes(field));
  return (
    <form
      class="form catalog__form"
      aria-label={props.heading}
      noValidate
      onInput={() => setError(null)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && props.onCancel) {
          event.preventDefault();
          props.onCancel();
        }
      }}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!props.ready || saving) return;
        setSaving(true);
        const result = await props.run();
        setSaving(false);
        if (result.ok) props.onDone();
        else setError(result.error);
      }}
    >
      <h3>{props.heading}</h3>
      {props.children((name) =>
        error && shownAtField && field === name ? error.message : undefined,
      )}
      <FormAlert message={error && !shownAtField ? error.message : undefined} />
      <FormActions
        submitLabel={props.submitLabel}
        busy={saving}
        disabled={!props.ready}
        onCancel={props.onCancel}
      />
    </form>
  );
}
