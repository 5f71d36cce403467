// Practitioners are recorded by id. Until staff are managed in Settings the
// desk may type a name: it is recorded as a plain id ("Dr Lee" → "dr-lee"),
// and a staff member's name, when typed, is recorded as that member's id.

export interface StaffName {
  id: string;
  name: string;
}

/** The id a typed practitioner is recorded as, or '' when nothing usable was typed. */
export function practitionerIdFrom(typed: string, staff: readonly StaffName[]): string {
  const text = typed.trim();
  if (!text) return '';
  const member = staff.find((s) => s.name.toLowerCase() === text.toLowerCase() || s.id === text);
  if (member) return member.id;
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[:\s]+/g, '-')
    .replace(/[^a-z0-9._-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 64);
}

/** How a recorded practitioner id reads on screen. */
export function practitionerName(id: string, staff: readonly StaffName[]): string {
  return staff.find((s) => s.id === id)?.name ?? id;
}
