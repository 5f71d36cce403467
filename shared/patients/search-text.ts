// Patient search is accent- and case-insensitive ("Zoë" is found by "zoe").
// The same folding is used to build each patient's stored search text and to
// fold what reception types, so the two always agree.

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Digits only, so "0412 345 678" and "0412-345-678" match each other. */
export function digitsOnly(text: string): string {
  return text.replace(/\D/g, '');
}

export interface SearchablePatient {
  firstName: string;
  lastName: string;
  preferredName: string;
  phone: string;
  dateOfBirth: string;
}

/**
 * One line holding every way reception looks a patient up: both name orders,
 * the preferred name, the phone's digits and the date of birth (ISO and d/m/y).
 */
export function patientSearchText(p: SearchablePatient): string {
  const parts = [
    `${p.firstName} ${p.lastName}`,
    `${p.lastName} ${p.firstName}`,
    p.preferredName,
    digitsOnly(p.phone),
    p.dateOfBirth,
    isoToDayMonthYear(p.dateOfBirth),
  ];
  return foldForSearch(parts.filter((part) => part !== '').join(' | '));
}

function isoToDayMonthYear(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/**
 * Turns what was typed into the text to look for in `searchText`: folded, and
 * a phone-like entry reduced to its digits.
 */
export function searchNeedle(typed: string): string {
  const folded = foldForSearch(typed);
  if (/^[\d\s()+-]{3,}$/.test(folded)) return digitsOnly(folded);
  return folded;
}
