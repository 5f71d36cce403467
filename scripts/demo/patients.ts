// Synthetic patients: who they are (names, phones, dates of birth, a few
// families sharing a surname and phone) and how they come and pay — the
// course of care the simulation plays out. The documents have the shape the
// addPatient handler writes (electron/ops/handlers/add-patient.ts).
import type { Patient } from '../../shared/patients/patient.ts';
import { patientSearchText } from '../../shared/patients/search-text.ts';
import { HEALTH_FUND_ANNUAL_LIMITS } from './catalog.ts';
import { FIRST_NAMES, LAST_NAMES, NON_LATIN_NAMES } from './names.ts';
import type { Random } from './random.ts';

/** How a patient pays: per visit, from packages, from prepaid credit, or through a funder. */
export type PayHabit = 'perVisit' | 'packages' | 'account' | 'funded';

/** Which of the catalog's services and plans a patient's course uses. */
export type Course = 'consults' | 'recovery' | 'pilates' | 'hydro';

export interface DemoPatient {
  doc: Patient;
  habit: PayHabit;
  course: Course;
  /** index into the catalog's funders (funded patients) */
  funder: number;
  /** index into the practitioners */
  practitioner: number;
  /** day (from the start of the period) of the first visit */
  firstDay: number;
  visits: number;
  /** days between visits */
  interval: number;
  /** index of another patient of the same family (credit may move between them), or -1 */
  family: number;
  /**
   * Private health cover with extras: the health fund's yearly limit on what it pays
   * towards visits claimed at the desk, or '' without cover.
   */
  cover: string;
}

const NOTES = [
  'Prefers afternoon appointments.',
  'Left knee reconstruction (2019).',
  'Hard of hearing: please speak up at the desk.',
  'Lower back pain, desk worker.',
  'Call before rescheduling; no SMS.',
  'Referred by GP for post-natal pelvic floor care.',
];

function foldToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function mobile(random: Random): string {
  return `04${random.int(0, 9)}${random.int(0, 9)} ${random.int(100, 999)} ${random.int(100, 999)}`;
}

function dateOfBirth(random: Random, endYear: number): string {
  const age = random.weighted({ child: 8, young: 25, middle: 40, older: 27 });
  const [min, max] =
    age === 'child' ? [4, 17] : age === 'young' ? [18, 35] : age === 'middle' ? [36, 64] : [65, 94];
  const year = endYear - random.int(min, max);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface PatientPlanOptions {
  count: number;
  days: number;
  practitioners: number;
  funders: number;
  longHistory: number;
  endYear: number;
}

/**
 * Everything about the patients except their documents' times, which are set
 * when each is first booked. Deterministic for the random stream given.
 */
export function planPatients(random: Random, options: PatientPlanOptions): DemoPatient[] {
  const patients: DemoPatient[] = [];
  for (let index = 0; index < options.count; index++) {
    const long = index < options.longHistory;
    let firstName: string;
    let lastName: string;
    let phone = mobile(random);
    let family = -1;
    const relativeIndex = index > 20 && random.chance(0.12) ? random.int(0, index - 1) : -1;
    const relative = patients[relativeIndex];
    if (random.chance(0.015)) {
      [firstName, lastName] = random.pick(NON_LATIN_NAMES);
    } else {
      firstName = random.pick(FIRST_NAMES);
      lastName = random.pick(LAST_NAMES);
    }
    if (relative) {
      // A family: same surname and home phone.
      lastName = relative.doc.lastName;
      phone = relative.doc.phone;
      family = relativeIndex;
    }
    const ascii = `${foldToAscii(firstName)}.${foldToAscii(lastName)}`;
    const email =
      random.chance(0.55) && ascii.length > 3 ? `${ascii}${random.int(1, 99)}@example.com` : '';
    const fields = {
      firstName,
      lastName,
      preferredName: random.chance(0.05) ? random.pick(FIRST_NAMES) : '',
      dateOfBirth: random.chance(0.97) ? dateOfBirth(random, options.endYear) : '',
      phone: random.chance(0.98) ? phone : '',
      email,
      notes: random.chance(0.08) ? random.pick(NOTES) : '',
    };
    const habit: PayHabit = long
      ? (['packages', 'account', 'funded'] as const)[index % 3]!
      : random.weighted({ perVisit: 45, packages: 25, account: 17, funded: 13 });
    const course: Course = random.weighted({ consults: 60, recovery: 15, pilates: 15, hydro: 10 });
    // Package buyers come for a course; brief visits are paid as they go.
    const band =
      habit === 'packages'
        ? random.weighted({ brief: 30, course: 50, ongoing: 17, regular: 3 })
        : random.weighted({ brief: 50, course: 32, ongoing: 14, regular: 4 });
    const visits = long
      ? Math.floor(options.days / 7)
      : band === 'brief'
        ? random.int(1, 3)
        : band === 'course'
          ? random.int(4, 8)
          : band === 'ongoing'
            ? random.int(9, 24)
            : random.int(25, 130);
    const interval = long ? 7 : course === 'pilates' ? 7 : random.pick([7, 7, 10, 14, 21]);
    const span = visits * interval;
    const firstDay = long
      ? random.int(0, 6)
      : Math.max(0, random.int(-Math.floor(span / 2), options.days - 1));
    patients.push({
      doc: {
        id: '',
        ...fields,
        searchText: patientSearchText(fields),
        createdAt: '',
        updatedAt: '',
        updatedBy: '',
        deskId: '',
      },
      habit,
      course,
      funder: options.funders > 0 ? random.int(0, options.funders - 1) : 0,
      practitioner: random.int(0, options.practitioners - 1),
      firstDay,
      visits,
      interval,
      family,
      // Over half of adults hold extras cover, more of those who see a physio (drawn last,
      // so the rest of the plan stays put).
      cover: random.chance(0.65) ? random.pick(HEALTH_FUND_ANNUAL_LIMITS) : '',
    });
  }
  return patients;
}
