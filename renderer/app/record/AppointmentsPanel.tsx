// The patient's appointments, newest first, each with its package session
// number ("3 of 5") from the ledger. A live query: a booking or a check-out
// made elsewhere shows at once. A visit not yet checked out can be checked
// out from here (the Today screen's check-out dialog).
import { useState } from 'preact/hooks';
import { map } from 'rxjs';
import type { PatientAccount } from '../../../shared/contract/domains/ledger.ts';
import type { Appointment, AppointmentStatus } from '../../../shared/ledger/index.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';
import { CheckoutDialog } from '../checkout/CheckoutDialog.tsx';

const LIMIT = 40;

const STATUS_WORDS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  attended: 'Attended',
  cancelled: 'Cancelled',
  lateCancelled: 'Cancelled late',
  noShow: 'No-show',
};

export function AppointmentsPanel(props: {
  patientId: string;
  sessions: PatientAccount['sessions'];
  serviceName: (id: string) => string;
  dateTime: (iso: string) => string;
}) {
  const { db } = useServices();
  const [checkingOut, setCheckingOut] = useState('');
  const appointments = useObservable<Appointment[]>(
    () =>
      db.appointments
        .find({ selector: { patientId: props.patientId }, sort: [{ start: 'desc' }], limit: LIMIT })
        .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Appointment))),
    [],
    [props.patientId],
  );
  return (
    <section class="panel" aria-labelledby="appointments-heading">
      <h2 id="appointments-heading">Appointments</h2>
      {appointments.length === 0 ? (
        <p class="empty">No appointments.</p>
      ) : (
        <table class="table table--dense">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Service</th>
              <th scope="col">Status</th>
              <th scope="col">Session</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {appointments.map((appointment) => {
              const session = props.sessions[appointment.id];
              return (
                <tr key={appointment.id}>
                  <td>{props.dateTime(appointment.start)}</td>
                  <td>{props.serviceName(appointment.serviceId)}</td>
                  <td>
                    {STATUS_WORDS[appointment.status]}
                    {appointment.checkedOutAt ? ', checked out' : ''}
                  </td>
                  <td>{session ? <span class="badge">{session.label}</span> : '—'}</td>
                  <td>
                    {(appointment.status === 'booked' || appointment.status === 'attended') &&
                    !appointment.checkedOutAt ? (
                      <button
                        type="button"
                        class="button button--small"
                        aria-label={`Check out the visit of ${props.dateTime(appointment.start)}`}
                        onClick={() => setCheckingOut(appointment.id)}
                      >
                        Check out
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {checkingOut ? (
        <CheckoutDialog appointmentId={checkingOut} onClose={() => setCheckingOut('')} />
      ) : null}
    </section>
  );
}
