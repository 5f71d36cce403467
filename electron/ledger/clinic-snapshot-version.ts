// The version of the clinic-wide projection's snapshot (clinic-snapshot.ts). A snapshot
// of another version is ignored and the journal folded from scratch, so bump this
// whenever what a fold produces changes (shared/ledger/attention-state.ts, or what it
// uses: accounts, state.ts's helpers, money) or how the state is written
// (attention-snapshot-codec.ts). clinic-snapshot-version.test.ts holds a fingerprint of
// both and fails, saying so, when either changes.
export const CLINIC_SNAPSHOT_VERSION = 2;
