// Package plans: sessions, price, validity, eligible services, whether a late
// cancellation or a no-show uses a session, and what happens at expiry.
import { useState } from 'preact/hooks';
import { catalogOperationArgs } from '../../../../shared/contract/domains/catalog.ts';
import type { PackagePlan } from '../../../../shared/catalog/catalog.ts';
import { useServices } from '../../services.ts';
import { MoneyField } from '../../ui/MoneyField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { aboveZero, typedAmount } from '../../money/amounts.ts';
import { useClinic } from '../../data/clinic.ts';
import { useCatalog } from '../../data/use-catalog.ts';
import { CatalogFormFrame } from './CatalogFormFrame.tsx';
import { CatalogList } from './CatalogList.tsx';
import { issueFor, wholeNumber } from './form-checks.ts';

function PlanForm(props: {
  plan: PackagePlan | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { operations } = useServices();
  const clinic = useClinic();
  const services = useCatalog('service');
  const plan = props.plan;
  const [name, setName] = useState(plan?.name ?? '');
  const [sessions, setSessions] = useState(String(plan?.sessions ?? 5));
  const [price, setPrice] = useState(plan?.price ?? '');
  const [validity, setValidity] = useState(String(plan?.validityDays ?? 365));
  const [eligible, setEligible] = useState<string[]>(plan?.eligibleServiceIds ?? []);
  const [lateCancel, setLateCancel] = useState(plan?.lateCancelUsesSession ?? true);
  const [noShow, setNoShow] = useState(plan?.noShowUsesSession ?? true);
  const [expiryRule, setExpiryRule] = useState<'breakage' | 'credit'>(
    plan?.expiryRule ?? 'breakage',
  );
  const [active, setActive] = useState(plan?.active ?? true);
  const priceTyped = typedAmount(price, clinic.currency);
  const args = {
    ...(plan ? { id: plan.id } : {}),
    name,
    sessions: wholeNumber(sessions),
    price: priceTyped ?? '',
    validityDays: wholeNumber(validity),
    eligibleServiceIds: eligible,
    lateCancelUsesSession: lateCancel,
    noShowUsesSession: noShow,
    expiryRule,
    active,
  };
  const parsed = catalogOperationArgs.savePackagePlan.safeParse(args);
  const toggle = (id: string, on: boolean) =>
    setEligible(on ? [...eligible, id] : eligible.filter((s) => s !== id));

  return (
    <CatalogFormFrame
      heading={plan ? `Edit ${plan.name}` : 'Add a package plan'}
      submitLabel={plan ? 'Save plan' : 'Add plan'}
      ready={parsed.success && priceTyped !== null}
      run={() => operations.savePackagePlan(args)}
      onDone={() => props.onDone(`${name.trim()} saved.`)}
      onCancel={props.onCancel}
    >
      {(serverError) => (
        <>
          <div class="form__row">
            <TextField
              label="Plan name"
              name="name"
              required
              autoFocus
              value={name}
              onInput={setName}
              error={serverError('name') ?? (name ? issueFor(parsed, 'name') : undefined)}
            />
            <TextField
              label="Sessions"
              name="sessions"
              value={sessions}
              onInput={setSessions}
              error={serverError('sessions') ?? issueFor(parsed, 'sessions')}
            />
            <MoneyField
              label="Price"
              name="price"
              value={price}
              onInput={setPrice}
              currency={clinic.currency}
              check={aboveZero}
              error={serverError('price')}
            />
            <TextField
              label="Valid for (days, 0 = no expiry)"
              name="validityDays"
              value={validity}
              onInput={setValidity}
              error={serverError('validityDays') ?? issueFor(parsed, 'validityDays')}
            />
          </div>
          <fieldset class="choice">
            <legend>Sessions can be used for</legend>
            {services.length === 0 ? (
              <span class="empty">Any service (no services yet)</span>
            ) : null}
            {services.map((service) => (
              <label key={service.id} class="check">
                <input
                  type="checkbox"
                  checked={eligible.includes(service.id)}
                  onChange={(e) => toggle(service.id, e.currentTarget.checked)}
                />
                {service.name}
              </label>
            ))}
            {services.length > 0 ? (
              <small class="field__hint">None ticked: any service.</small>
            ) : null}
          </fieldset>
          <fieldset class="choice">
            <legend>Missed visits</legend>
            <label class="check">
              <input
                type="checkbox"
                checked={lateCancel}
                onChange={(e) => setLateCancel(e.currentTarget.checked)}
              />
              A late cancellation uses a session
            </label>
            <label class="check">
              <input
                type="checkbox"
                checked={noShow}
                onChange={(e) => setNoShow(e.currentTarget.checked)}
              />
              A no-show uses a session
            </label>
          </fieldset>
          <fieldset class="choice">
            <legend>At expiry, unused value goes to</legend>
            <label class="check">
              <input
                type="radio"
                name="expiryRule"
                checked={expiryRule === 'breakage'}
                onChange={() => setExpiryRule('breakage')}
              />
              The clinic (breakage)
            </label>
            <label class="check">
              <input
                type="radio"
                name="expiryRule"
                checked={expiryRule === 'credit'}
                onChange={() => setExpiryRule('credit')}
              />
              The payer's credit
            </label>
          </fieldset>
          <label class="check">
            <input
              type="checkbox"
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
            On sale
          </label>
        </>
      )}
    </CatalogFormFrame>
  );
}

export function PlansSection() {
  const clinic = useClinic();
  const plans = useCatalog('plan');
  const services = useCatalog('service');
  const serviceNames = (ids: string[]) =>
    ids.length === 0
      ? 'Any service'
      : ids.map((id) => services.find((s) => s.id === id)?.name ?? 'a removed service').join(', ');
  return (
    <CatalogList
      id="plans"
      heading="Package plans"
      addLabel="Add plan"
      tableLabel="Package plans"
      emptyText="No package plans yet."
      items={plans}
      columns={
        <>
          <th scope="col">Plan</th>
          <th scope="col" class="num">
            Sessions
          </th>
          <th scope="col" class="num">
            Price
          </th>
          <th scope="col" class="num">
            Valid (days)
          </th>
          <th scope="col">For</th>
          <th scope="col">Missed visits use a session</th>
          <th scope="col">At expiry</th>
          <th scope="col">On sale</th>
        </>
      }
      cells={(plan) => (
        <>
          <td>{plan.name}</td>
          <td class="num">{plan.sessions}</td>
          <td class="num">{clinic.money(plan.price)}</td>
          <td class="num">{plan.validityDays === 0 ? 'no expiry' : plan.validityDays}</td>
          <td>{serviceNames(plan.eligibleServiceIds)}</td>
          <td>
            {[
              plan.lateCancelUsesSession ? 'late cancel' : '',
              plan.noShowUsesSession ? 'no-show' : '',
            ]
              .filter(Boolean)
              .join(', ') || 'neither'}
          </td>
          <td>{plan.expiryRule === 'credit' ? 'credit' : 'breakage'}</td>
          <td>{plan.active ? 'Yes' : 'No'}</td>
        </>
      )}
      form={(plan, close) => <PlanForm plan={plan} {...close} />}
    />
  );
}
