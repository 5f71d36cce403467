// The clinic's details: name, currency, time zone and locale — what every
// amount and date on every screen is shown with.
import { useEffect, useState } from 'preact/hooks';
import { catalogOperationArgs } from '../../../../shared/contract/domains/catalog.ts';
import { formatMoney } from '../../../../shared/money.ts';
import { useServices } from '../../services.ts';
import { TextField } from '../../ui/TextField.tsx';
import { useClinic } from '../../data/clinic.ts';
import { CatalogFormFrame } from './CatalogFormFrame.tsx';
import { issueFor } from './form-checks.ts';

export function ClinicSection() {
  const { operations } = useServices();
  const clinic = useClinic();
  const [values, setValues] = useState({ clinicName: '', currency: '', timeZone: '', locale: '' });
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (clinic.loaded)
      setValues({
        clinicName: clinic.clinicName,
        currency: clinic.currency,
        timeZone: clinic.timeZone,
        locale: clinic.locale,
      });
  }, [clinic.loaded, clinic.clinicName, clinic.currency, clinic.timeZone, clinic.locale]);
  const parsed = catalogOperationArgs.saveClinicSettings.safeParse(values);
  let example = '';
  if (parsed.success) {
    try {
      example = `${formatMoney('1234.5', parsed.data.currency, parsed.data.locale)} · ${new Intl.DateTimeFormat(
        parsed.data.locale,
        { dateStyle: 'medium', timeStyle: 'short', timeZone: parsed.data.timeZone },
      ).format(new Date())}`;
    } catch {
      example = '';
    }
  }
  const set = (key: keyof typeof values) => (value: string) =>
    setValues({ ...values, [key]: value });

  return (
    <section class="panel catalog" aria-labelledby="clinic-heading">
      <header class="catalog__head">
        <h2 id="clinic-heading">Clinic</h2>
      </header>
      <p class="notice" role="status">
        {notice}
      </p>
      <CatalogFormFrame
        heading="Clinic details"
        submitLabel="Save clinic details"
        ready={parsed.success}
        run={() => operations.saveClinicSettings(values)}
        onDone={() => setNotice('Clinic details saved.')}
      >
        {(serverError) => (
          <>
            <div class="form__row">
              <TextField
                label="Clinic name"
                name="clinicName"
                value={values.clinicName}
                onInput={set('clinicName')}
                error={serverError('clinicName') ?? issueFor(parsed, 'clinicName')}
              />
              <TextField
                label="Currency (ISO code)"
                name="currency"
                value={values.currency}
                onInput={set('currency')}
                hint="Amounts already recorded keep their currency: change this only before any money is recorded."
                error={serverError('currency') ?? issueFor(parsed, 'currency')}
              />
            </div>
            <div class="form__row">
              <TextField
                label="Time zone"
                name="timeZone"
                value={values.timeZone}
                onInput={set('timeZone')}
                error={serverError('timeZone') ?? issueFor(parsed, 'timeZone')}
              />
              <TextField
                label="Locale"
                name="locale"
                value={values.locale}
                onInput={set('locale')}
                error={serverError('locale') ?? issueFor(parsed, 'locale')}
              />
            </div>
            {example ? <p class="field__hint">Shown as: {example}</p> : null}
          </>
        )}
      </CatalogFormFrame>
    </section>
  );
}
