// Ids numbered 0, 1, 2 … in the order first seen, held compactly: a clinic-wide fold
// remembers hundreds of thousands of entry, invoice and payment ids, and as JS strings in
// a Set or Map each costs ~70–120 bytes of heap for 26 characters. A ULID (the ids the
// app makes: 26 Crockford base-32 characters, 128 bits) is kept here as four 32-bit
// words in one typed array, found through an open-addressing table of slot numbers:
// ~24–36 bytes each, outside the objects the garbage collector walks. Any other id
// (tests, imported data) goes in an ordinary Map. Per-id facts live in arrays indexed
// by the slot (see attention-state.ts).

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) DIGIT[ALPHABET.charCodeAt(i)] = i;

/** The four words of a ULID (most significant first) into `out`, or false when it is not one. */
function readUlid(id: string, out: Uint32Array): boolean {
  if (id.length !== 26) return false;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  for (let i = 0; i < 26; i += 1) {
    const code = id.charCodeAt(i);
    const digit = code < 128 ? (DIGIT[code] ?? -1) : -1;
    if (digit < 0 || (i === 0 && digit > 7)) return false; // 26 × 5 bits = 130: the top 2 are 0
    // Shift the 128-bit number left by 5 and add the digit.
    w0 = ((w0 << 5) | (w1 >>> 27)) >>> 0;
    w1 = ((w1 << 5) | (w2 >>> 27)) >>> 0;
    w2 = ((w2 << 5) | (w3 >>> 27)) >>> 0;
    w3 = ((w3 << 5) | digit) >>> 0;
  }
  out[0] = w0;
  out[1] = w1;
  out[2] = w2;
  out[3] = w3;
  return true;
}

function writeUlid(w: Uint32Array, at: number): string {
  const words = [w[at] ?? 0, w[at + 1] ?? 0, w[at + 2] ?? 0, w[at + 3] ?? 0];
  const codes = new Array<number>(26);
  for (let i = 25; i >= 0; i -= 1) {
    // Take the lowest 5 bits, then shift the 128-bit number right by 5.
    codes[i] = ALPHABET.charCodeAt((words[3] ?? 0) & 31);
    for (let k = 3; k >= 0; k -= 1) {
      const above = k > 0 ? (words[k - 1] ?? 0) : 0;
      words[k] = (((words[k] ?? 0) >>> 5) | (above << 27)) >>> 0;
    }
  }
  return String.fromCharCode(...codes);
}

/** The contents of an IdSlots, plain: slot count, ULID words by slot, the other ids' slots. */
export interface IdSlotsParts {
  size: number;
  words: Uint32Array;
  others: [string, number][];
}

export class IdSlots {
  /** the words of the ULID in each slot (zeros for other ids), dense by slot */
  #words = new Uint32Array(4 * 1024);
  /** open addressing: slot + 1 of the ULID hashed here, 0 when free */
  #table = new Int32Array(2048);
  #others = new Map<string, number>();
  #otherIds = new Map<number, string>();
  #size = 0;
  readonly #probe = new Uint32Array(4);

  get size(): number {
    return this.#size;
  }

  /** The id's slot, or -1 when it has none. */
  slotOf(id: string): number {
    if (!readUlid(id, this.#probe)) return this.#others.get(id) ?? -1;
    return this.#find(this.#probe);
  }

  /** The id's slot, given one when new (the next number). */
  add(id: string): number {
    if (!readUlid(id, this.#probe)) {
      let slot = this.#others.get(id);
      if (slot === undefined) {
        slot = this.#claim();
        this.#others.set(id, slot);
        this.#otherIds.set(slot, id);
      }
      return slot;
    }
    const found = this.#find(this.#probe);
    if (found >= 0) return found;
    const slot = this.#claim();
    this.#words.set(this.#probe, slot * 4);
    this.#place(slot);
    return slot;
  }

  /**
   * What the slots hold, to persist (electron/ledger/attention-snapshot-codec.ts). The
   * words are a view of the live array, not a copy: write them out before the next add().
   */
  toParts(): IdSlotsParts {
    return {
      size: this.#size,
      words: this.#words.subarray(0, this.#size * 4),
      others: [...this.#others],
    };
  }

  /** Slots as toParts() gave them; the lookup table is built again. Throws on parts that cannot be. */
  static fromParts(parts: IdSlotsParts): IdSlots {
    const { size, words, others } = parts;
    if (!Number.isSafeInteger(size) || size < 0 || words.length !== size * 4) {
      throw new RangeError('IdSlots parts do not agree on their size');
    }
    const slots = new IdSlots();
    let capacity = slots.#words.length;
    while (capacity < size * 4) capacity *= 2;
    slots.#words = new Uint32Array(capacity);
    slots.#words.set(words);
    let table = slots.#table.length;
    while (size * 2 > table) table *= 2;
    slots.#table = new Int32Array(table);
    slots.#size = size;
    for (const [id, slot] of others) {
      if (!Number.isInteger(slot) || slot < 0 || slot >= size || slots.#otherIds.has(slot)) {
        throw new RangeError('IdSlots parts name a slot twice or out of range');
      }
      slots.#others.set(id, slot);
      slots.#otherIds.set(slot, id);
    }
    for (let slot = 0; slot < size; slot += 1) if (!slots.#otherIds.has(slot)) slots.#place(slot);
    return slots;
  }

  /** The id in a slot. */
  idAt(slot: number): string {
    return this.#otherIds.get(slot) ?? writeUlid(this.#words, slot * 4);
  }

  #claim(): number {
    const slot = this.#size;
    this.#size += 1;
    if (this.#size * 4 > this.#words.length) {
      const words = new Uint32Array(this.#words.length * 2);
      words.set(this.#words);
      this.#words = words;
    }
    // Keep the table at most half full.
    if (this.#size * 2 > this.#table.length) {
      this.#table = new Int32Array(this.#table.length * 2);
      for (let s = 0; s < slot; s += 1) if (!this.#otherIds.has(s)) this.#place(s);
    }
    return slot;
  }

  #place(slot: number): void {
    const mask = this.#table.length - 1;
    // The last 80 bits of a ULID are random: the lowest word spreads well.
    let at = (this.#words[slot * 4 + 3] ?? 0) & mask;
    while ((this.#table[at] ?? 0) !== 0) at = (at + 1) & mask;
    this.#table[at] = slot + 1;
  }

  #find(w: Uint32Array): number {
    const mask = this.#table.length - 1;
    const words = this.#words;
    for (let at = (w[3] ?? 0) & mask; ; at = (at + 1) & mask) {
      const entry = this.#table[at] ?? 0;
      if (entry === 0) return -1;
      const base = (entry - 1) * 4;
      if (
        words[base + 3] === w[3] &&
        words[base + 2] === w[2] &&
        words[base + 1] === w[1] &&
        words[base] === w[0]
      )
        return entry - 1;
    }
  }
}
