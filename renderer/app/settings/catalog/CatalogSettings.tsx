// Settings → the clinic's catalog: clinic details, services and prices, package plans.
import { ClinicSection } from './ClinicSection.tsx';
import { ServicesSection } from './ServicesSection.tsx';
import { PlansSection } from './PlansSection.tsx';
import './catalog.css';
import '../../money/money.css';

export function CatalogSettings() {
  return (
    <>
      <ClinicSection />
      <ServicesSection />
      <PlansSection />
    </>
  );
}
