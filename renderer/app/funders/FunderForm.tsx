// Add or edit a funder (charity, employer, insurer …) and how to reach them.
// Checked as you type with the schema the main process checks again.
import { useRef, useState } from 'preact/hooks';
import { catalogOperationArgs, FUNDER_KINDS } from '../../../shared/contract/domains/catalog.ts';
import type { Funder, FunderKind } from '../../../shared/catalog/catalog.ts';
import { useServices } from '../services.ts';
import { TextField } from '../ui/TextField.tsx';
import { ActionDialog } from '../money/ActionDialog.tsx';
import { SelectField } from '../money/fields.tsx';

export const KIND_WORDS: Record<FunderKind, string> = {
  charity: 'Charity',
  employer: 'Employer',
  insurer: 'Insurer',
  government: 'Government',
  other: 'Other',
};

export function FunderForm(props: {
  funder: Funder | null;
  onClose: () => void;
  onSaved: (message: string, id: string) => void;
}) {
  const { operations } = useServices();
  const [values, setValues] = useState({
    name: props.funder?.name ?? '',
    kind: (props.funder?.kind ?? 'charity') as FunderKind,
    contactName: props.funder?.contactName ?? '',
    email: props.funder?.email ?? '',
    phone: props.funder?.phone ?? '',
    reference: props.funder?.reference ?? '',
  });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const savedId = useRef(props.funder?.id ?? '');
  const args = { ...(props.funder ? { id: props.funder.id } : {}), ...values };
  const parsed = catalogOperationArgs.saveFunder.safeParse(args);
  const problem = (key: string) =>
    parsed.success || !touched[key]
      ? undefined
      : parsed.error.issues.find((issue) => issue.path[0] === key)?.message;
  const set = (key: keyof typeof values) => (value: string) => {
    setValues({ ...values, [key]: value });
    setTouched({ ...touched, [key]: true });
  };

  return (
    <ActionDialog
      title={props.funder ? `Edit ${props.funder.name}` : 'Add a funder'}
      onClose={props.onClose}
      submitLabel={props.funder ? 'Save funder' : 'Add funder'}
      ready={parsed.success}
      fields={['name', 'kind', 'contactName', 'email', 'phone', 'reference']}
      doneMessage={`${values.name.trim()} saved.`}
      onDone={(message) => props.onSaved(message, savedId.current)}
      run={async () => {
        const result = await operations.saveFunder(args);
        if (result.ok) savedId.current = result.value.id;
        return result;
      }}
    >
      {(serverError) => (
        <>
          <div class="form__row">
            <TextField
              label="Name"
              name="name"
              required
              autoFocus
              value={values.name}
              onInput={set('name')}
              error={serverError('name') ?? problem('name')}
            />
            <SelectField
              label="Kind"
              name="kind"
              value={values.kind}
              onChange={set('kind')}
              error={serverError('kind')}
            >
              {FUNDER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_WORDS[kind]}
                </option>
              ))}
            </SelectField>
          </div>
          <div class="form__row">
            <TextField
              label="Contact name"
              name="contactName"
              value={values.contactName}
              onInput={set('contactName')}
              error={serverError('contactName') ?? problem('contactName')}
            />
            <TextField
              label="Reference (their account number …)"
              name="reference"
              value={values.reference}
              onInput={set('reference')}
              error={serverError('reference') ?? problem('reference')}
            />
          </div>
          <div class="form__row">
            <TextField
              label="Email"
              name="email"
              type="email"
              value={values.email}
              onInput={set('email')}
              error={serverError('email') ?? problem('email')}
            />
            <TextField
              label="Phone"
              name="phone"
              type="tel"
              value={values.phone}
              onInput={set('phone')}
              error={serverError('phone') ?? problem('phone')}
            />
          </div>
        </>
      )}
    </ActionDialog>
  );
}
