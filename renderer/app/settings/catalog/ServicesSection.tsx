// Services and their prices: the list, and a form to add one or edit one.
import { useState } from 'preact/hooks';
import { catalogOperationArgs } from '../../../../shared/contract/domains/catalog.ts';
import type { Service } from '../../../../shared/catalog/catalog.ts';
import { useServices } from '../../services.ts';
import { MoneyField } from '../../ui/MoneyField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { typedAmount } from '../../money/amounts.ts';
import { useClinic } from '../../data/clinic.ts';
import { useCatalog } from '../../data/use-catalog.ts';
import { CatalogFormFrame } from './CatalogFormFrame.tsx';
import { CatalogList } from './CatalogList.tsx';
import { issueFor, wholeNumber } from './form-checks.ts';

function ServiceForm(props: {
  service: Service | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { operations } = useServices();
  const clinic = useClinic();
  const [name, setName] = useState(props.service?.name ?? '');
  const [price, setPrice] = useState(props.service?.price ?? '');
  const [duration, setDuration] = useState(String(props.service?.durationMinutes ?? 30));
  const [active, setActive] = useState(props.service?.active ?? true);
  const priceTyped = typedAmount(price, clinic.currency, () => '');
  const args = {
    ...(props.service ? { id: props.service.id } : {}),
    name,
    price: priceTyped ?? '',
    durationMinutes: wholeNumber(duration),
    active,
  };
  const parsed = catalogOperationArgs.saveService.safeParse(args);
  return (
    <CatalogFormFrame
      heading={props.service ? `Edit ${props.service.name}` : 'Add a service'}
      submitLabel={props.service ? 'Save service' : 'Add service'}
      ready={parsed.success && priceTyped !== null}
      run={() => operations.saveService(args)}
      onDone={() => props.onDone(`${name.trim()} saved.`)}
      onCancel={props.onCancel}
    >
      {(serverError) => (
        <div class="form__row">
          <TextField
            label="Service name"
            name="name"
            required
            autoFocus
            value={name}
            onInput={setName}
            error={serverError('name') ?? (name ? issueFor(parsed, 'name') : undefined)}
          />
          <MoneyField
            label="Price"
            name="price"
            value={price}
            onInput={setPrice}
            currency={clinic.currency}
            check={(amount) => (amount.startsWith('-') ? 'The price cannot be negative.' : '')}
            error={serverError('price')}
          />
          <TextField
            label="Duration (minutes)"
            name="durationMinutes"
            value={duration}
            onInput={setDuration}
            error={serverError('durationMinutes') ?? issueFor(parsed, 'durationMinutes')}
          />
          <label class="check check--inline">
            <input
              type="checkbox"
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
            Offered
          </label>
        </div>
      )}
    </CatalogFormFrame>
  );
}

export function ServicesSection() {
  const clinic = useClinic();
  const services = useCatalog('service');
  return (
    <CatalogList
      id="services"
      heading="Services and prices"
      addLabel="Add service"
      tableLabel="Services"
      emptyText="No services yet."
      items={services}
      columns={
        <>
          <th scope="col">Service</th>
          <th scope="col" class="num">
            Price
          </th>
          <th scope="col" class="num">
            Minutes
          </th>
          <th scope="col">Offered</th>
        </>
      }
      cells={(service) => (
        <>
          <td>{service.name}</td>
          <td class="num">{clinic.money(service.price)}</td>
          <td class="num">{service.durationMinutes}</td>
          <td>{service.active ? 'Yes' : 'No'}</td>
        </>
      )}
      form={(service, close) => <ServiceForm service={service} {...close} />}
    />
  );
}
