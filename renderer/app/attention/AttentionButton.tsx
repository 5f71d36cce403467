// The status bar's "needs attention" button: shown only when the list is not
// empty; it opens the list, and each item opens its patient's record.
import { useState } from 'preact/hooks';
import { TriangleAlert } from 'lucide-preact';
import { openPatient } from '../navigation.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { usePatientNames } from '../data/use-patient-names.ts';
import { useAttention } from './use-attention.ts';
import './attention.css';

const KIND_WORDS = {
  'negative-balance': 'Balance below zero',
  'package-overused': 'Package used beyond its size',
  'invoice-overpaid': 'Invoice paid twice',
  'payment-overrefunded': 'Payment refunded twice',
} as const;

export function AttentionButton() {
  const { items } = useAttention();
  const [open, setOpen] = useState(false);
  const names = usePatientNames(items.map((item) => item.patientId));
  if (items.length === 0) return null;
  return (
    <>
      <button
        type="button"
        class="status-bar__item status-bar__item--warn attention-button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <TriangleAlert size={13} aria-hidden="true" />
        {items.length} need{items.length === 1 ? 's' : ''} attention
      </button>
      {open ? (
        <Dialog title="Needs attention" onClose={() => setOpen(false)} wide>
          <p class="attention__intro">
            These appear when desks worked offline and both spent the same money or session. Open
            the patient to put it right (a reversal, a payment, a courtesy credit).
          </p>
          <ul class="attention">
            {items.map((item) => (
              <li key={item.key} class="attention__item">
                <div>
                  <strong>{KIND_WORDS[item.kind] ?? item.kind}</strong>
                  <div class="attention__message">{item.message}</div>
                </div>
                {item.patientId ? (
                  <button
                    type="button"
                    class="button"
                    onClick={() => {
                      setOpen(false);
                      openPatient(item.patientId);
                    }}
                  >
                    Open {names.get(item.patientId) ?? 'patient'}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </Dialog>
      ) : null}
    </>
  );
}
