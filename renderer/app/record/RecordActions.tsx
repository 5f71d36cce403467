// The record's money actions: a toolbar of buttons, each with an Alt+letter
// shortcut, opening its dialog. One dialog at a time; Escape closes it.
import { useEffect, useState } from 'preact/hooks';
import {
  ArrowLeftRight,
  BadgeDollarSign,
  FileText,
  Gift,
  PackagePlus,
  Receipt,
  Undo2,
  Eraser,
  RotateCcw,
} from 'lucide-preact';
import type { MoneyActionProps } from '../money/action-props.ts';
import { RecordPaymentDialog } from '../money/RecordPaymentDialog.tsx';
import { SellPackageDialog } from '../money/SellPackageDialog.tsx';
import { TransferCreditDialog } from '../money/TransferCreditDialog.tsx';
import { RefundDialog } from '../money/RefundDialog.tsx';
import { UnapplyCreditDialog } from '../money/UnapplyCreditDialog.tsx';
import { WriteOffDialog } from '../money/WriteOffDialog.tsx';
import { CourtesyDialog } from '../money/CourtesyDialog.tsx';
import { ReverseDialog } from '../money/ReverseDialog.tsx';
import { PatientStatement } from '../statements/PatientStatement.tsx';

type ActionId =
  | 'payment'
  | 'sell'
  | 'transfer'
  | 'refund'
  | 'unapply'
  | 'writeOff'
  | 'courtesy'
  | 'reverse'
  | 'statement';

const ACTIONS: { id: ActionId; label: string; key: string; Icon: typeof Receipt }[] = [
  { id: 'payment', label: 'Record payment', key: 'p', Icon: BadgeDollarSign },
  { id: 'sell', label: 'Sell package', key: 's', Icon: PackagePlus },
  { id: 'transfer', label: 'Transfer credit', key: 't', Icon: ArrowLeftRight },
  { id: 'refund', label: 'Refund', key: 'r', Icon: Undo2 },
  { id: 'unapply', label: 'Credit off invoice', key: 'i', Icon: Receipt },
  { id: 'writeOff', label: 'Write off', key: 'w', Icon: Eraser },
  { id: 'courtesy', label: 'Courtesy / waive', key: 'c', Icon: Gift },
  { id: 'reverse', label: 'Reverse', key: 'v', Icon: RotateCcw },
  { id: 'statement', label: 'Statement', key: 'm', Icon: FileText },
];

export function RecordActions(props: Omit<MoneyActionProps, 'onClose'>) {
  const [open, setOpen] = useState<ActionId | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || open) return;
      const action = ACTIONS.find((a) => a.key === event.key.toLowerCase());
      if (action) {
        event.preventDefault();
        setOpen(action.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const dialogProps: MoneyActionProps = {
    ...props,
    onClose: () => setOpen(null),
    onDone: (message) => {
      setOpen(null);
      props.onDone(message);
    },
  };

  return (
    <>
      <div class="toolbar" role="toolbar" aria-label="Money actions">
        {ACTIONS.map(({ id, label, key, Icon }) => (
          <button
            key={id}
            type="button"
            class={id === 'payment' ? 'button button--primary button--icon' : 'button button--icon'}
            aria-keyshortcuts={`Alt+${key.toUpperCase()}`}
            title={`${label} (Alt+${key.toUpperCase()})`}
            onClick={() => setOpen(id)}
          >
            <Icon size={16} aria-hidden="true" />
            {label}
          </button>
        ))}
      </div>
      {open === 'payment' ? <RecordPaymentDialog {...dialogProps} /> : null}
      {open === 'sell' ? <SellPackageDialog {...dialogProps} /> : null}
      {open === 'transfer' ? <TransferCreditDialog {...dialogProps} /> : null}
      {open === 'refund' ? <RefundDialog {...dialogProps} /> : null}
      {open === 'unapply' ? <UnapplyCreditDialog {...dialogProps} /> : null}
      {open === 'writeOff' ? <WriteOffDialog {...dialogProps} /> : null}
      {open === 'courtesy' ? <CourtesyDialog {...dialogProps} /> : null}
      {open === 'reverse' ? <ReverseDialog {...dialogProps} /> : null}
      {open === 'statement' ? (
        <PatientStatement
          patientId={props.patientId}
          patientName={props.patientName}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}
