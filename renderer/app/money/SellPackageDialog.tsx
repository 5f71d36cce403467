// Sell a package: a plan from the catalog or a one-off; paid by the patient or
// a funder; paid now in full, in part, or later. The result — sessions, price,
// value of a session, expiry, what is paid and what stays owing — is shown
// before saving.
import { useState } from 'preact/hooks';
import { oneOffPackageArgs } from '../../../shared/contract/domains/ledger.ts';
import type { PaymentMethod } from '../../../shared/ledger/index.ts';
import { allocate, compare, subtract, zeroAmount } from '../../../shared/money.ts';
import { useServices } from '../services.ts';
import { MoneyField } from '../ui/MoneyField.tsx';
import { TextField } from '../ui/TextField.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import type { MoneyActionProps } from './action-props.ts';
import { aboveZero, typedAmount } from './amounts.ts';
import { useClinic } from '../data/clinic.ts';
import { MethodField, PayerField, SelectField } from './fields.tsx';
import { METHOD_LABELS } from './labels.ts';
import { useCatalog } from '../data/use-catalog.ts';

const ONE_OFF = 'one-off';
type When = 'full' | 'part' | 'later';

function wholeNumber(text: string): number | null {
  return /^\d{1,6}$/.test(text.trim()) ? Number.parseInt(text.trim(), 10) : null;
}

export function SellPackageDialog(props: MoneyActionProps) {
  const { operations } = useServices();
  const clinic = useClinic();
  const plans = useCatalog('plan').filter((plan) => plan.active);
  const funders = useCatalog('funder');
  const [planId, setPlanId] = useState('');
  const [oneOff, setOneOff] = useState({ name: '', sessions: '', price: '', validityDays: '90' });
  const [payer, setPayer] = useState('patient');
  const [when, setWhen] = useState<When>('full');
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [partAmount, setPartAmount] = useState('');
  const currency = props.account.currency;

  const chosenId = planId || plans[0]?.id || ONE_OFF;
  const plan = plans.find((p) => p.id === chosenId);
  const isOneOff = chosenId === ONE_OFF;
  const oneOffPrice = typedAmount(oneOff.price, currency);
  // Checked as you type with the main process's own schema; sold as it is, with
  // the desk's usual policies (late cancellations and no-shows use a session,
  // unused value is breakage at expiry). No plan is created for it.
  const oneOffCheck = oneOffPackageArgs.safeParse({
    name: oneOff.name,
    sessions: wholeNumber(oneOff.sessions) ?? Number.NaN,
    price: oneOffPrice ?? '',
    validityDays: wholeNumber(oneOff.validityDays) ?? Number.NaN,
    lateCancelUsesSession: true,
    noShowUsesSession: true,
    expiryRule: 'breakage',
  });
  const oneOffError = (key: string) =>
    oneOffCheck.success
      ? undefined
      : oneOffCheck.error.issues.find((i) => i.path[0] === key)?.message;
  const sessions = isOneOff ? wholeNumber(oneOff.sessions) : (plan?.sessions ?? null);
  const price = isOneOff ? oneOffPrice : (plan?.price ?? null);
  const validityDays = isOneOff ? wholeNumber(oneOff.validityDays) : (plan?.validityDays ?? null);
  const described = sessions !== null && sessions > 0 && price !== null && validityDays !== null;

  const partTyped = typedAmount(partAmount, currency, (amount) => {
    const problem = aboveZero(amount);
    if (problem) return problem;
    return price && compare(amount, price) >= 0
      ? `Part payment must be less than the price (${clinic.money(price)}).`
      : '';
  });
  const paidNow = when === 'full' ? price : when === 'part' ? partTyped : zeroAmount(currency);
  const ready = described && (!isOneOff || oneOffCheck.success) && paidNow !== null;
  const payerName =
    payer === 'patient' ? props.patientName : (funders.find((f) => f.id === payer)?.name ?? '');
  const expires =
    validityDays && validityDays > 0
      ? clinic.date(new Date(Date.now() + validityDays * 86_400_000).toISOString())
      : '';
  const name = isOneOff ? oneOff.name.trim() : (plan?.name ?? '');

  const run = () =>
    operations.sellPackage({
      patientId: props.patientId,
      ...(isOneOff && oneOffCheck.success ? { oneOff: oneOffCheck.data } : { planId: chosenId }),
      payer: payer === 'patient' ? { type: 'patient' } : { type: 'funder', funderId: payer },
      ...(paidNow && when !== 'later'
        ? { settlement: { credit: '0', payments: [{ method, amount: paidNow }] } }
        : {}),
    });

  return (
    <ActionDialog
      title={`Sell a package — ${props.patientName}`}
      onClose={props.onClose}
      submitLabel="Sell package"
      wide
      ready={ready}
      fields={[
        'planId',
        'amount',
        'oneOff.name',
        'oneOff.sessions',
        'oneOff.price',
        'oneOff.validityDays',
      ]}
      doneMessage={`${name} sold to ${props.patientName}.`}
      onDone={props.onDone}
      run={run}
      preview={
        described && price ? (
          <dl class="details summary">
            <dt>Package</dt>
            <dd>
              {name || 'One-off package'}: {sessions} sessions for {clinic.money(price)} (a session
              is worth {clinic.money(allocate(price, sessions)[0] ?? price)})
            </dd>
            <dt>Expires</dt>
            <dd>{expires ? `${expires} (${validityDays} days)` : 'Never'}</dd>
            <dt>Paid by</dt>
            <dd>{payerName}</dd>
            <dt>Paid now</dt>
            <dd>
              {paidNow ? clinic.money(paidNow) : '—'}
              {paidNow && when !== 'later' ? ` by ${METHOD_LABELS[method].toLowerCase()}` : ''}
            </dd>
            <dt>Left owing</dt>
            <dd>{paidNow ? clinic.money(subtract(price, paidNow)) : '—'}</dd>
          </dl>
        ) : null
      }
    >
      {(serverError) => (
        <>
          <div class="form__row">
            <SelectField
              label="Package"
              name="planId"
              value={chosenId}
              onChange={setPlanId}
              error={serverError('planId')}
            >
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} — {p.sessions} sessions, {clinic.money(p.price)}
                </option>
              ))}
              <option value={ONE_OFF}>A one-off package…</option>
            </SelectField>
            <PayerField
              patientName={props.patientName}
              funders={funders}
              value={payer}
              onChange={setPayer}
            />
          </div>
          {isOneOff ? (
            <div class="form__row">
              <TextField
                label="Name"
                name="name"
                value={oneOff.name}
                onInput={(value) => setOneOff({ ...oneOff, name: value })}
                error={
                  oneOff.name === ''
                    ? undefined
                    : (serverError('oneOff.name') ?? oneOffError('name'))
                }
              />
              <TextField
                label="Sessions"
                name="sessions"
                value={oneOff.sessions}
                onInput={(value) => setOneOff({ ...oneOff, sessions: value })}
                error={
                  oneOff.sessions === ''
                    ? undefined
                    : (serverError('oneOff.sessions') ??
                      (wholeNumber(oneOff.sessions) === null
                        ? 'Number of sessions must be a whole number.'
                        : oneOffError('sessions')))
                }
              />
              <MoneyField
                label="Price"
                name="price"
                value={oneOff.price}
                onInput={(value) => setOneOff({ ...oneOff, price: value })}
                currency={currency}
                check={aboveZero}
                error={serverError('oneOff.price')}
              />
              <TextField
                label="Valid for (days, 0 = no expiry)"
                name="validityDays"
                value={oneOff.validityDays}
                onInput={(value) => setOneOff({ ...oneOff, validityDays: value })}
                error={
                  serverError('oneOff.validityDays') ??
                  (wholeNumber(oneOff.validityDays) === null
                    ? 'Validity must be a whole number of days.'
                    : oneOffError('validityDays'))
                }
              />
            </div>
          ) : null}
          <fieldset class="choice">
            <legend>Payment</legend>
            {(
              [
                ['full', 'Pay now in full'],
                ['part', 'Pay part now'],
                ['later', 'Pay later (all owing)'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} class="check">
                <input
                  type="radio"
                  name="when"
                  value={value}
                  checked={when === value}
                  onChange={() => setWhen(value)}
                />
                {label}
              </label>
            ))}
          </fieldset>
          {when !== 'later' ? (
            <div class="form__row">
              <MethodField value={method} onChange={setMethod} />
              {when === 'part' ? (
                <MoneyField
                  label="Amount paid now"
                  name="amount"
                  value={partAmount}
                  onInput={setPartAmount}
                  currency={currency}
                  check={(amount) =>
                    aboveZero(amount) ||
                    (price && compare(amount, price) >= 0
                      ? `Part payment must be less than the price (${clinic.money(price)}).`
                      : '')
                  }
                  hint={price ? `Price: ${clinic.money(price)}` : undefined}
                  error={serverError('amount')}
                />
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </ActionDialog>
  );
}
