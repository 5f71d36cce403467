// `cli reset-manager-pin --data <dir> [--staff <name or id>] [--pin <pin>]`:
// the documented way back in when a desk's managers have forgotten their PINs.
// Only someone who can open the PC's data folder can run it; it gives the
// manager a new PIN (random unless given, shown once), and records the reset
// in the desk's access log, which the Audit screen shows.
// `--forget-all-pins` instead removes every PIN on this desk, so the next start
// asks for a first manager (for a desk with no manager left).
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { catalogSchema } from '../../../shared/db/catalog-schema.ts';
import { newSecret, secretKind } from '../../../shared/auth/secret-policy.ts';
import type { Staff } from '../../../shared/catalog/catalog.ts';
import { resolveDataFile } from '../../backup/data-path.ts';
import { DESK_CONFIG_FILE } from '../../app/desk-config.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command } from '../../backup/cli/command.ts';
import { quoteIdentifier, tableNameFor } from '../../storage/sqlite/table-layout.ts';
import { appendAccessEvent } from '../../audit/access-log.ts';
import { loadAuthFile, saveAuthFile } from '../auth-store.ts';
import { hashSecret } from '../secret-hash.ts';

function readManagers(dataFile: string): Staff[] {
  const db = new DatabaseSync(dataFile, { readOnly: true });
  try {
    const table = quoteIdentifier(tableNameFor('catalog', catalogSchema.version));
    const rows = db.prepare(`SELECT data FROM ${table} WHERE deleted = 0`).all() as {
      data: string;
    }[];
    return rows
      .map((row) => JSON.parse(row.data) as Staff)
      .filter((doc) => doc.type === 'staff' && doc.role === 'manager' && doc.active)
      .sort((a, b) => a.name.localeCompare(b.name));
  } finally {
    db.close();
  }
}

/** The desk's id from its desk.json, '' when it cannot be read. */
function deskIdOf(directory: string): string {
  try {
    const config = JSON.parse(readFileSync(join(directory, DESK_CONFIG_FILE), 'utf8')) as {
      deskId?: unknown;
    };
    return typeof config.deskId === 'string' ? config.deskId : '';
  } catch {
    return '';
  }
}

export const resetManagerPinCommand: Command = {
  summary: 'give a manager a new PIN on this desk (for a forgotten PIN; close Punchcard first)',
  usage:
    'reset-manager-pin --data <dir> [--staff <name or id>] [--pin <4-8 digits>]\n' +
    '       reset-manager-pin --data <dir> --forget-all-pins\n' +
    "  Run by someone who can open the PC's data folder. The reset is recorded in the audit trail.",
  async run(args, { out, err }) {
    const { values } = parseArgs({
      args,
      options: {
        data: { type: 'string' },
        staff: { type: 'string' },
        pin: { type: 'string' },
        'forget-all-pins': { type: 'boolean', default: false },
      },
    });
    if (!values.data) throw new UsageError('--data is required.');
    const dataFile = resolveDataFile(values.data);
    const directory = dirname(dataFile);
    if (!existsSync(dataFile)) {
      err(`No database at ${dataFile}.`);
      return EXIT_FAILED;
    }
    const deskId = deskIdOf(directory);
    const at = new Date().toISOString();
    const auth = loadAuthFile(directory);

    if (values['forget-all-pins']) {
      saveAuthFile(directory, { ...auth, credentials: {} });
      appendAccessEvent(directory, {
        at,
        kind: 'pin-reset',
        staffId: 'cli',
        deskId,
        subjectId: '',
        detail: 'every PIN on this desk forgotten (command line)',
      });
      out('Every PIN on this desk is forgotten. The next start asks for a first manager.');
      return EXIT_OK;
    }

    const managers = readManagers(dataFile);
    const wanted = values.staff?.trim().toLowerCase();
    const matching = wanted
      ? managers.filter((m) => m.id.toLowerCase() === wanted || m.name.toLowerCase() === wanted)
      : managers;
    if (matching.length !== 1) {
      err(
        managers.length === 0
          ? 'No active manager is on file. Use --forget-all-pins to start this desk again with a first manager.'
          : `Name one manager with --staff: ${managers.map((m) => `"${m.name}" (${m.id})`).join(', ')}.`,
      );
      return EXIT_FAILED;
    }
    const manager = matching[0]!;
    const pin = values.pin ?? String(randomInt(0, 1_000_000)).padStart(6, '0');
    const checked = newSecret.safeParse(pin);
    if (!checked.success || secretKind(pin) !== 'pin') {
      throw new UsageError('--pin must be 4 to 8 digits.');
    }
    const credential = {
      hash: await hashSecret(pin),
      kind: 'pin' as const,
      setAt: at,
      setBy: 'cli',
    };
    saveAuthFile(directory, {
      ...auth,
      credentials: { ...auth.credentials, [manager.id]: credential },
    });
    appendAccessEvent(directory, {
      at,
      kind: 'pin-reset',
      staffId: 'cli',
      deskId,
      subjectId: manager.id,
      detail: 'manager PIN reset from the command line',
    });
    out(`${manager.name} can now sign in on this desk with the PIN ${pin}.`);
    out('Ask them to have another manager set a PIN of their own choosing.');
    return EXIT_OK;
  },
};
