// One appointment on Today: time, patient, service, practitioner, package
// badge, state and what can be done with it — each action a button in the
// row's own tab order, described by the patient's name for screen readers.
import { useId } from 'preact/hooks';
import { CalendarClock, LogIn, Receipt, UserX, X } from 'lucide-preact';
import type { Appointment } from '../../../shared/ledger/index.ts';
import { openPatient } from '../navigation.ts';
import { localTimeText } from './day.ts';
import type { RowAction, RowState } from './row-state.ts';

export interface AppointmentRowProps {
  appointment: Appointment;
  patientName: string;
  serviceName: string;
  practitioner: string;
  state: RowState;
  busy: boolean;
  onAction: (action: RowAction) => void;
}

// The two everyday actions carry words; the rarer ones are icons with a name
// (announced, and shown as a tooltip) so a row stays on one line at 1366×768.
const ACTIONS: Record<
  RowAction,
  { label: string; Icon: typeof LogIn; primary?: boolean; iconOnly?: boolean }
> = {
  attend: { label: 'Check in', Icon: LogIn },
  checkout: { label: 'Check out', Icon: Receipt, primary: true },
  noShow: { label: 'No-show', Icon: UserX, iconOnly: true },
  cancel: { label: 'Cancel', Icon: X, iconOnly: true },
  reschedule: { label: 'Reschedule', Icon: CalendarClock, iconOnly: true },
};

function endTime(appointment: Appointment): string {
  const end = new Date(Date.parse(appointment.start) + appointment.durationMinutes * 60_000);
  return localTimeText(end.toISOString());
}

export function AppointmentRow(props: AppointmentRowProps) {
  const { appointment, state } = props;
  const nameId = useId();
  const inactive =
    appointment.status === 'cancelled' ||
    appointment.status === 'lateCancelled' ||
    appointment.status === 'noShow';
  return (
    <tr class={inactive ? 'today__row today__row--inactive' : 'today__row'}>
      <td class="today__time num">
        {localTimeText(appointment.start)}
        <span class="today__until">–{endTime(appointment)}</span>
      </td>
      <td>
        <button
          type="button"
          id={nameId}
          class="link-button"
          onClick={() => openPatient(appointment.patientId)}
        >
          {props.patientName}
        </button>
      </td>
      <td>
        {props.serviceName}
        <span class="today__practitioner">
          <span class="visually-hidden">with </span>
          {props.practitioner}
        </span>
      </td>
      <td>
        {state.badge ? (
          <span
            class={[
              'badge',
              'today__badge',
              state.badge.planned ? 'today__badge--planned' : '',
              state.badge.over ? 'today__badge--over' : '',
            ].join(' ')}
            role="img"
            aria-label={state.badge.label}
            title={state.badge.label}
          >
            {state.badge.text}
          </span>
        ) : null}
      </td>
      <td>
        <span class="today__status">{state.status}</span>
      </td>
      <td>
        <span class={`today__money today__money--${state.money.tone}`}>{state.money.text}</span>
      </td>
      <td>
        <div class="today__actions">
          {state.actions.map((action) => {
            const { label, Icon, primary, iconOnly } = ACTIONS[action];
            return (
              <button
                key={action}
                type="button"
                class={[
                  'button',
                  'button--small',
                  primary ? 'button--primary' : '',
                  iconOnly ? 'button--icon-only' : '',
                ].join(' ')}
                aria-label={iconOnly ? label : undefined}
                title={iconOnly ? label : undefined}
                aria-describedby={nameId}
                disabled={props.busy}
                onClick={() => props.onAction(action)}
              >
                <Icon size={iconOnly ? 16 : 14} aria-hidden="true" />
                {iconOnly ? null : label}
              </button>
            );
          })}
        </div>
      </td>
    </tr>
  );
}
