// A rough strength hint for the backup passphrase, shown as it is typed. It
// estimates how many guesses an attacker holding a backup file would need
// (length × the variety of characters, less for repeats and runs; words of
// plain letters count as words from a list, not as random letters); it is a
// hint to write something longer, not a guarantee.
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/contract/domains/backups.ts';

export type PassphraseStrength = {
  level: 'empty' | 'too-short' | 'weak' | 'fair' | 'strong';
  text: string;
};

function poolSize(passphrase: string): number {
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/\d/.test(passphrase)) pool += 10;
  if (/[^A-Za-z0-9]/.test(passphrase)) pool += 33;
  return Math.max(pool, 1);
}

/** Characters that add little: the same as the one before, or one step along from it ("abc", "123"). */
function predictableCharacters(passphrase: string): number {
  let count = 0;
  for (let i = 1; i < passphrase.length; i++) {
    const step = passphrase.charCodeAt(i) - passphrase.charCodeAt(i - 1);
    if (step === 0 || step === 1 || step === -1) count++;
  }
  return count;
}

function characterBits(text: string): number {
  const effective = text.length - predictableCharacters(text) * 0.75;
  return Math.max(0, effective) * Math.log2(poolSize(text));
}

/** A word of plain letters is likely from a dictionary: about 6 bits plus 1.5 a letter. */
function wordBits(word: string): number {
  return Math.min(characterBits(word), 6 + 1.5 * word.length);
}

/** Estimated bits of guessing work. */
export function passphraseBits(passphrase: string): number {
  if (/^[\p{L}\s]+$/u.test(passphrase)) {
    const words = passphrase.split(/\s+/).filter((word) => word !== '');
    return words.reduce((sum, word) => sum + wordBits(word), 0);
  }
  return characterBits(passphrase);
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  if (passphrase === '') return { level: 'empty', text: '' };
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return {
      level: 'too-short',
      text: `Too short: use at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    };
  }
  const bits = passphraseBits(passphrase);
  if (bits < 45) return { level: 'weak', text: 'Weak: add a few more unrelated words.' };
  if (bits < 60) return { level: 'fair', text: 'Fair: one or two more words make it strong.' };
  return { level: 'strong', text: 'Strong.' };
}
