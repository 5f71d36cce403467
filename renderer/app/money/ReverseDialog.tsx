// Reverse an entry of the patient's money history: a new entry that names the
// one it undoes (nothing is ever edited away). The main process refuses what
// would overdraw — e.g. a payment whose credit has been spent — and says why.
import { useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import { ActionDialog } from './ActionDialog.tsx';
import type { MoneyActionProps } from './action-props.ts';
import { useClinic } from '../data/clinic.ts';
import { MemoField, ReasonField, SelectField } from './fields.tsx';
import { kindLabel } from './labels.ts';

export function ReverseDialog(props: MoneyActionProps & { entryId?: string }) {
  const { operations } = useServices();
  const clinic = useClinic();
  const reversible = props.account.history.filter(
    (item) => item.kind !== 'reversal' && item.reversedBy === '',
  );
  const [entryId, setEntryId] = useState(props.entryId ?? reversible[0]?.entryId ?? '');
  const [reasonCode, setReasonCode] = useState('');
  const [memo, setMemo] = useState('');
  const entry = reversible.find((item) => item.entryId === entryId);
  const describe = (item: (typeof reversible)[number]) =>
    `${clinic.dateTime(item.occurredAt)} · ${kindLabel(item.kind)}${item.number ? ` ${item.number}` : ''}`;

  return (
    <ActionDialog
      title={`Reverse an entry — ${props.patientName}`}
      onClose={props.onClose}
      submitLabel="Reverse"
      ready={entry !== undefined && reasonCode !== ''}
      confirm={entry ? `“${describe(entry)}” will be undone by a reversing entry.` : ''}
      fields={['entryId', 'reasonCode', 'memo']}
      doneMessage={entry ? `${kindLabel(entry.kind)} reversed.` : 'Reversed.'}
      onDone={props.onDone}
      run={() =>
        operations.reverseEntry({
          entryId,
          reasonCode,
          ...(memo.trim() ? { memo: memo.trim() } : {}),
        })
      }
    >
      {(serverError) =>
        reversible.length === 0 ? (
          <p class="empty">There is nothing in this patient's history that can be reversed.</p>
        ) : (
          <>
            <SelectField
              label="Entry to reverse"
              name="entryId"
              value={entryId}
              onChange={setEntryId}
              hint="Newest first. Entries already reversed are not listed."
              error={serverError('entryId')}
            >
              {reversible.map((item) => (
                <option key={item.entryId} value={item.entryId}>
                  {describe(item)}
                </option>
              ))}
            </SelectField>
            <ReasonField
              value={reasonCode}
              onChange={setReasonCode}
              required
              error={serverError('reasonCode')}
            />
            <MemoField value={memo} onInput={setMemo} />
          </>
        )
      }
    </ActionDialog>
  );
}
