// Today: the day's appointments in time order, with each visit's package badge
// and whether it is paid, and everything reception does with a visit — check
// in, check out, no-show, cancel, reschedule — plus booking a new one. Lists
// come from live RxDB queries; balances and session numbers from the patients'
// accounts, asked again whenever their journal changes.
import { useMemo, useState } from 'preact/hooks';
import { ChevronLeft, ChevronRight, Plus } from 'lucide-preact';
import type { Appointment } from '../../../shared/ledger/index.ts';
import { useServices } from '../services.ts';
import { CheckoutDialog } from '../checkout/CheckoutDialog.tsx';
import { AppointmentRow } from './AppointmentRow.tsx';
import { BookAppointmentDialog } from './BookAppointmentDialog.tsx';
import { MissedVisitDialog } from './MissedVisitDialog.tsx';
import { RescheduleDialog } from './RescheduleDialog.tsx';
import { localDateText, localTimeText, longDateText, shiftDate } from './day.ts';
import { practitionerName } from './practitioner.ts';
import { plannedSessionNumbers, rowState, type RowAction } from './row-state.ts';
import { usePatientAccounts } from './use-accounts.ts';
import { namesById, useCatalog } from '../data/use-catalog.ts';
import { useClinic } from '../data/clinic.ts';
import { useDayAppointments } from './use-day-appointments.ts';
import { usePatientNames } from '../data/use-patient-names.ts';
import { sentence } from './field-error.ts';
import './today.css';

type OpenDialog =
  | { type: 'book' }
  | { type: 'checkout'; appointmentId: string }
  | { type: 'cancel' | 'noShow' | 'reschedule'; appointment: Appointment; what: string };

export function TodayScreen() {
  const { operations } = useServices();
  const clinic = useClinic();
  const [day, setDay] = useState(() => localDateText(new Date()));
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState('');
  const appointments = useDayAppointments(day);
  const list = appointments ?? [];
  const patientIds = useMemo(() => list.map((a) => a.patientId), [list]);
  const patientNames = usePatientNames(patientIds);
  const accounts = usePatientAccounts(patientIds);
  const services = useCatalog('service');
  const staff = useCatalog('staff');
  const serviceNames = useMemo(() => namesById(services), [services]);
  const planned = useMemo(() => plannedSessionNumbers(list, accounts), [list, accounts]);

  const nameOf = (appointment: Appointment) =>
    patientNames.get(appointment.patientId) ?? 'Unknown patient';
  const describe = (appointment: Appointment) =>
    `${nameOf(appointment)} at ${localTimeText(appointment.start)}`;

  const act = async (appointment: Appointment, action: RowAction) => {
    setProblem('');
    if (action === 'checkout') {
      setDialog({ type: 'checkout', appointmentId: appointment.id });
    } else if (action === 'attend') {
      setBusy(appointment.id);
      const result = await operations.attendAppointment({ appointmentId: appointment.id });
      setBusy('');
      if (result.ok) setNotice(`${describe(appointment)} is checked in.`);
      else setProblem(sentence(result.error.message));
    } else {
      setDialog({ type: action, appointment, what: describe(appointment) });
    }
  };

  const isToday = day === localDateText(new Date());
  const counts = {
    all: list.length,
    waiting: list.filter((a) => a.status === 'booked').length,
    owing: list.filter(
      (a) => rowState(a, accounts.get(a.patientId), undefined, clinic.money).money.tone === 'owing',
    ).length,
  };

  return (
    <div class="screen today">
      <header class="screen__header">
        <h1>{isToday ? 'Today' : 'Appointments'}</h1>
        <div class="today__day" role="group" aria-label="Day">
          <button
            type="button"
            class="button button--icon"
            aria-label="Previous day"
            onClick={() => setDay(shiftDate(day, -1))}
          >
            <ChevronLeft size={16} aria-hidden="true" />
          </button>
          <label class="visually-hidden" for="today-day">
            Day shown
          </label>
          <input
            id="today-day"
            type="date"
            class="today__date"
            value={day}
            onChange={(event) => {
              if (event.currentTarget.value) setDay(event.currentTarget.value);
            }}
          />
          <button
            type="button"
            class="button button--icon"
            aria-label="Next day"
            onClick={() => setDay(shiftDate(day, 1))}
          >
            <ChevronRight size={16} aria-hidden="true" />
          </button>
          {!isToday ? (
            <button type="button" class="button" onClick={() => setDay(localDateText(new Date()))}>
              Back to today
            </button>
          ) : null}
        </div>
        <button
          type="button"
          class="button button--primary today__book"
          onClick={() => setDialog({ type: 'book' })}
        >
          <Plus size={16} aria-hidden="true" />
          Book appointment
        </button>
      </header>
      <p class="today__summary">
        <span>{longDateText(day, clinic.locale)}</span>
        <span>
          {counts.all} {counts.all === 1 ? 'appointment' : 'appointments'}
        </span>
        <span>{counts.waiting} still booked</span>
        {counts.owing > 0 ? <span class="today__money--owing">{counts.owing} owing</span> : null}
      </p>
      <p class="notice" role="status">
        {notice}
      </p>
      {problem ? (
        <p class="form__error" role="alert">
          {problem}
        </p>
      ) : null}
      <section class="panel today__panel" aria-label="Appointments">
        {appointments === null ? (
          <p class="empty">Loading the day…</p>
        ) : list.length === 0 ? (
          <p class="empty">No appointments on this day.</p>
        ) : (
          <table class="table today__table">
            <caption class="visually-hidden">
              Appointments on {longDateText(day, clinic.locale)}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  Time
                </th>
                <th scope="col">Patient</th>
                <th scope="col">Service and practitioner</th>
                <th scope="col">Package</th>
                <th scope="col">Visit</th>
                <th scope="col">Payment</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((appointment) => (
                <AppointmentRow
                  key={appointment.id}
                  appointment={appointment}
                  patientName={nameOf(appointment)}
                  serviceName={serviceNames.get(appointment.serviceId) ?? appointment.serviceId}
                  practitioner={practitionerName(appointment.practitionerId, staff)}
                  state={rowState(
                    appointment,
                    accounts.get(appointment.patientId),
                    planned.get(appointment.id),
                    clinic.money,
                  )}
                  busy={busy === appointment.id}
                  onAction={(action) => void act(appointment, action)}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {dialog?.type === 'book' ? (
        <BookAppointmentDialog day={day} onClose={() => setDialog(null)} onBooked={setNotice} />
      ) : null}
      {dialog?.type === 'checkout' ? (
        <CheckoutDialog appointmentId={dialog.appointmentId} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.type === 'cancel' || dialog?.type === 'noShow' ? (
        <MissedVisitDialog
          kind={dialog.type}
          appointment={dialog.appointment}
          what={dialog.what}
          clinic={clinic}
          onClose={() => setDialog(null)}
          onDone={setNotice}
        />
      ) : null}
      {dialog?.type === 'reschedule' ? (
        <RescheduleDialog
          appointment={dialog.appointment}
          what={dialog.what}
          onClose={() => setDialog(null)}
          onDone={setNotice}
        />
      ) : null}
    </div>
  );
}
