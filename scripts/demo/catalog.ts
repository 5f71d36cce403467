// The clinic's reference documents: settings, services and prices, package
// plans, funders, staff (practitioners, reception, a manager). Shapes are the
// ones the catalog handlers save (electron/ops/handlers/catalog.ts): the
// type's fields, then createdAt / updatedAt / updatedBy / deskId.
import type {
  CatalogDocument,
  ClinicSettings,
  Funder,
  FunderKind,
  PackagePlan,
  Service,
  Staff,
} from '../../shared/catalog/catalog.ts';
import type { PackagePlanSnapshot } from '../../shared/ledger/index.ts';
import { CLINIC_SETTINGS_ID } from '../../electron/ledger/clinic-settings.ts';
import { MANAGER_NAME, PRACTITIONER_NAMES, RECEPTION_NAMES } from './names.ts';
import type { SizeProfile } from './sizes.ts';
import type { SeededIds } from './ulid.ts';

/** How a funder pays: money held per patient, packages it buys, or lump sums split between patients. */
export type FunderHabit = 'prepays' | 'buysPackages' | 'lumpSums';

export interface DemoFunder {
  doc: Funder;
  habit: FunderHabit;
}

export interface DemoCatalog {
  settings: ClinicSettings;
  services: Service[];
  /** by role in the simulation */
  service: { initial: Service; standard: Service; long: Service; hydro: Service; pilates: Service };
  plans: PackagePlan[];
  funders: DemoFunder[];
  practitioners: Staff[];
  reception: Staff[];
  manager: Staff;
  /** the health fund whose members claim at the desk, if the clinic deals with one */
  healthFund: DemoFunder | undefined;
  /** the health fund's benefit by service id */
  benefits: ReadonlyMap<string, string>;
  all(): CatalogDocument[];
}

export const CLINIC_NAME = 'Harbourside Physio & Allied Health';
export const CLINIC_TIME_ZONE = 'Australia/Sydney';

// The health fund comes fourth so that "small" (four funders) has one: its members'
// claims at the desk are a large share of any clinic's journal.
const FUNDERS: readonly { name: string; kind: FunderKind; habit: FunderHabit }[] = [
  { name: 'NDIS plan managers', kind: 'government', habit: 'prepays' },
  { name: 'Workers Comp NSW', kind: 'insurer', habit: 'buysPackages' },
  { name: 'Harbour Hope Foundation', kind: 'charity', habit: 'lumpSums' },
  { name: 'Coastline Health Insurance', kind: 'insurer', habit: 'prepays' },
  { name: 'Acme Mining employee health', kind: 'employer', habit: 'buysPackages' },
  { name: 'Department of Veterans’ Affairs', kind: 'government', habit: 'prepays' },
  { name: 'St Brigid’s Community Fund', kind: 'charity', habit: 'lumpSums' },
  { name: 'City Council EAP', kind: 'employer', habit: 'buysPackages' },
];

/**
 * What the health fund pays towards each service when a member claims on the spot
 * (the member pays the gap), and how much it pays a member in a calendar year.
 */
const HEALTH_FUND_BENEFITS = {
  initial: '65.00',
  standard: '48.00',
  long: '60.00',
  hydro: '35.00',
  pilates: '20.00',
} as const;
export const HEALTH_FUND_ANNUAL_LIMITS = ['500.00', '700.00', '800.00', '1000.00'] as const;

export function buildCatalog(
  profile: SizeProfile,
  ids: SeededIds,
  setupTime: number,
  deskId: string,
): DemoCatalog {
  const stamp = new Date(setupTime).toISOString();
  const edited = { createdAt: stamp, updatedAt: stamp, updatedBy: 'setup', deskId };
  const settings: ClinicSettings = {
    id: CLINIC_SETTINGS_ID,
    type: 'settings',
    name: 'Clinic settings',
    clinicName: CLINIC_NAME,
    currency: 'AUD',
    timeZone: CLINIC_TIME_ZONE,
    locale: 'en-AU',
    ...edited,
  };
  const makeService = (name: string, price: string, durationMinutes: number): Service => ({
    id: ids.at(setupTime),
    type: 'service',
    name,
    price,
    durationMinutes,
    active: true,
    ...edited,
  });
  const service = {
    initial: makeService('Initial assessment', '130.00', 60),
    standard: makeService('Standard consultation', '95.00', 30),
    long: makeService('Long consultation', '125.00', 45),
    hydro: makeService('Hydrotherapy', '75.00', 45),
    pilates: makeService('Clinical Pilates class', '38.50', 60),
  };
  const telehealth = { ...makeService('Telehealth review', '85.00', 30), active: false };
  const services = [...Object.values(service), telehealth];
  const plan = (
    name: string,
    sessions: number,
    price: string,
    validityDays: number,
    eligible: Service[],
    policy: Pick<PackagePlan, 'lateCancelUsesSession' | 'noShowUsesSession' | 'expiryRule'>,
  ): PackagePlan => ({
    id: ids.at(setupTime),
    type: 'plan',
    name,
    sessions,
    price,
    validityDays,
    eligibleServiceIds: eligible.map((s) => s.id),
    ...policy,
    active: true,
    ...edited,
  });
  const plans = [
    plan('5 consultations', 5, '450.00', 180, [service.standard, service.long], {
      lateCancelUsesSession: true,
      noShowUsesSession: true,
      expiryRule: 'breakage',
    }),
    plan('10 consultations', 10, '850.00', 365, [service.standard, service.long], {
      lateCancelUsesSession: false,
      noShowUsesSession: true,
      expiryRule: 'credit',
    }),
    // An uneven split: 500.00 over 7 sessions is 71.43 ×6 and 71.42.
    plan('Recovery pack of 7', 7, '500.00', 120, [], {
      lateCancelUsesSession: true,
      noShowUsesSession: true,
      expiryRule: 'breakage',
    }),
    plan('Pilates 10-class pass', 10, '320.00', 90, [service.pilates], {
      lateCancelUsesSession: false,
      noShowUsesSession: true,
      expiryRule: 'breakage',
    }),
    plan('Hydrotherapy 8 sessions', 8, '520.00', 0, [service.hydro], {
      lateCancelUsesSession: false,
      noShowUsesSession: false,
      expiryRule: 'credit',
    }),
  ];
  const funders: DemoFunder[] = FUNDERS.slice(0, profile.funders).map((f, index) => ({
    habit: f.habit,
    doc: {
      id: ids.at(setupTime),
      type: 'funder',
      name: f.name,
      kind: f.kind,
      contactName: `Accounts team ${index + 1}`,
      email: `accounts${index + 1}@funder.example`,
      phone: `02 9${String(100 + index * 37).padStart(3, '0')} ${String(4000 + index * 211).slice(0, 4)}`,
      reference: `FND-${String(index + 1).padStart(3, '0')}`,
      ...edited,
    },
  }));
  const staff = (name: string, role: Staff['role']): Staff => ({
    id: ids.at(setupTime),
    type: 'staff',
    name,
    role,
    active: true,
    ...edited,
  });
  const practitioners = PRACTITIONER_NAMES.slice(0, profile.practitioners).map((name) =>
    staff(name, 'reception'),
  );
  const reception = RECEPTION_NAMES.map((name) => staff(name, 'reception'));
  const manager = staff(MANAGER_NAME, 'manager');
  const benefits = new Map(
    (Object.keys(HEALTH_FUND_BENEFITS) as (keyof typeof HEALTH_FUND_BENEFITS)[]).map((role) => [
      service[role].id,
      HEALTH_FUND_BENEFITS[role],
    ]),
  );
  return {
    settings,
    services,
    service,
    plans,
    funders,
    practitioners,
    reception,
    manager,
    healthFund: funders.find((f) => f.doc.kind === 'insurer' && f.habit === 'prepays'),
    benefits,
    all: () => [
      settings,
      ...services,
      ...plans,
      ...funders.map((f) => f.doc),
      ...practitioners,
      ...reception,
      manager,
    ],
  };
}

/** The plan as a sale records it (what the sellPackage handler builds from the document). */
export function snapshotOf(plan: PackagePlan): PackagePlanSnapshot {
  return {
    planId: plan.id,
    name: plan.name,
    sessions: plan.sessions,
    price: plan.price,
    validityDays: plan.validityDays,
    eligibleServiceIds: [...plan.eligibleServiceIds],
    lateCancelUsesSession: plan.lateCancelUsesSession,
    noShowUsesSession: plan.noShowUsesSession,
    expiryRule: plan.expiryRule,
  };
}
