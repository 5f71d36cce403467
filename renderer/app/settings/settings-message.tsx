// What a settings panel last said: a confirmation, or a refusal. A refusal that
// names a field is shown beside that field; anything else under the form, as a
// status (read out politely) or an alert.
import type { OperationError } from '../../../shared/contract/result.ts';

export interface SettingsMessage {
  tone: 'ok' | 'error';
  text: string;
  /** the field the message belongs beside, when there is one */
  field?: string;
}

/** The main process's refusal, beside the field it names. */
export function refusal(error: Pick<OperationError, 'message' | 'field'>): SettingsMessage {
  return { tone: 'error', text: error.message, ...(error.field ? { field: error.field } : {}) };
}

/** The line under the form; empty (but present, so it is announced) while nothing is to say. */
export function SettingsMessageLine(props: { message: SettingsMessage | null }) {
  const { message } = props;
  return (
    <p
      class={message?.tone === 'error' ? 'form__error' : 'notice'}
      role={message?.tone === 'error' ? 'alert' : 'status'}
    >
      {message && !message.field ? message.text : ''}
    </p>
  );
}
