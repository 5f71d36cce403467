// The patient's packages: used, left and expiry with a progress bar. Packages
// that are used up, expired, closed or cancelled are folded away behind a toggle.
import { useState } from 'preact/hooks';
import type { PatientAccount } from '../../../shared/contract/domains/ledger.ts';

type Package = PatientAccount['packages'][number];

const STATUS_WORDS: Record<Package['status'], string> = {
  active: 'active',
  'used-up': 'used up',
  expired: 'expired',
  closed: 'closed at expiry',
  cancelled: 'cancelled',
};

export function packageSummary(pkg: Package, date: (iso: string) => string): string {
  const expiry = pkg.expiresAt
    ? `${pkg.status === 'expired' || pkg.status === 'closed' ? 'expired' : 'expires'} ${date(pkg.expiresAt)}`
    : 'no expiry';
  const over = pkg.overusedBy > 0 ? `, ${pkg.overusedBy} over` : '';
  return `${pkg.used} of ${pkg.size} used, ${pkg.remaining} left${over}, ${expiry}`;
}

function PackageItem(props: {
  pkg: Package;
  money: (amount: string) => string;
  date: (iso: string) => string;
}) {
  const { pkg } = props;
  const headingId = `package-${pkg.packageId}`;
  return (
    <li class={`package package--${pkg.status}`} aria-labelledby={headingId}>
      <div class="package__head">
        <strong id={headingId}>{pkg.sale.name}</strong>
        <span class="badge">{STATUS_WORDS[pkg.status]}</span>
        {pkg.sale.payer === 'funder' ? <span class="badge">funder-paid</span> : null}
      </div>
      <progress
        class="package__bar"
        max={pkg.size}
        value={Math.min(pkg.used, pkg.size)}
        aria-label={`${pkg.sale.name}: ${pkg.used} of ${pkg.size} sessions used`}
      />
      <div class="package__facts">
        <span>{packageSummary(pkg, props.date)}</span>
        <span class="num">{props.money(pkg.remainingValue)} unused value</span>
      </div>
    </li>
  );
}

export function PackagesPanel(props: {
  packages: Package[];
  money: (amount: string) => string;
  date: (iso: string) => string;
}) {
  const [showFinished, setShowFinished] = useState(false);
  const current = props.packages.filter((pkg) => pkg.status === 'active');
  const finished = props.packages.filter((pkg) => pkg.status !== 'active');
  return (
    <section class="panel" aria-labelledby="packages-heading">
      <h2 id="packages-heading">Packages</h2>
      {current.length === 0 ? <p class="empty">No active package.</p> : null}
      <ul class="packages">
        {current.map((pkg) => (
          <PackageItem key={pkg.packageId} pkg={pkg} money={props.money} date={props.date} />
        ))}
      </ul>
      {finished.length > 0 ? (
        <>
          <button
            type="button"
            class="button button--link"
            aria-expanded={showFinished}
            aria-controls="finished-packages"
            onClick={() => setShowFinished(!showFinished)}
          >
            {showFinished ? 'Hide' : 'Show'} {finished.length} used-up or expired package
            {finished.length === 1 ? '' : 's'}
          </button>
          {showFinished ? (
            <ul class="packages" id="finished-packages">
              {finished.map((pkg) => (
                <PackageItem key={pkg.packageId} pkg={pkg} money={props.money} date={props.date} />
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
