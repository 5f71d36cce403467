// Passphrases come from a file (never from the command line, where they would
// end up in shell history and process lists).
import fs from 'node:fs/promises';
import { UsageError } from './command.ts';

export async function readPassphraseFile(file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the passphrase file ${file}: ${(error as Error).message}`);
  }
  // One trailing line break is what editors and `echo` add; it is not part of the passphrase.
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase === '') throw new UsageError(`The passphrase file ${file} is empty.`);
  return passphrase;
}
