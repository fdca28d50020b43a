/**
 * The words of the record page and of the proofs checked in the browser against the signed
 * checkpoint (also shown by components/decision-proof.tsx). Part of the English catalogue of
 * strings.ts.
 */
export const recordStrings = {
  'record.title': 'Record',
  'record.intro':
    'Every change in Truce is an entry in an append-only log whose state the server signs. Your browser checks the signature and the entries itself, with the same code the server and the command-line tool use.',
  'record.refresh': 'Refresh',
  'record.checkpointTitle': 'Signed checkpoint',
  'record.origin': 'Origin',
  'record.size': 'Entries',
  'record.latestCheckpoint': 'Latest checkpoint',
  'record.checkpointFacts': 'Size {size}, signed',
  'record.checkpointSizeOnly': 'Size {size}',
  'record.checkpointUnverified': '(not verified)',
  'record.noCheckpointFact': 'None yet',
  'record.key': 'Verifier key',
  'record.copyKey': 'Copy key',
  'record.copied': 'Key copied to the clipboard.',
  'record.copyFailed': 'Could not copy; select the key and copy it.',
  'record.keyAdvice':
    'Your browser checked the signature with this key: compare it with the key the mission publishes, so you know the record is the mission’s own.',
  'record.verified': 'Signature verified with key {key}',
  'record.verifiedDetail': 'The checkpoint covers the first {size} entries.',
  'record.notVerified': 'The checkpoint did not verify',
  'record.notVerifiedDetail': 'Reason: {reason}. Do not rely on the checks below.',
  'record.noCheckpoint': 'No checkpoint has been signed yet',
  'record.noCheckpointDetail':
    'The server signs one shortly after entries arrive. Refresh in a moment to check entries.',
  'record.reasonBadKey': 'the verifier key is malformed: {reason}',
  'record.reasonKeyMismatch': 'the key at /record/key differs from the key the API reports',
  'record.reasonOrigin': 'the checkpoint is for origin “{found}”, not “{expected}”',
  'record.reasonBadCheckpoint': 'the signed checkpoint is malformed: {reason}',
  'record.entriesTitle': 'Entries',
  'record.entriesEmpty': 'The record has no entries yet.',
  'record.range': 'Showing indexes {first} to {last} of {size} entries, newest first.',
  'record.older': 'Older',
  'record.newer': 'Newer',
  'record.olderLabel': 'Older entries',
  'record.newerLabel': 'Newer entries',
  'record.checkAll': 'Check all shown',
  'record.checking': 'Checking…',
  'record.colIndex': 'Index',
  'record.colTime': 'Time',
  'record.colType': 'Type',
  'record.colBy': 'By',
  'record.colPayload': 'Summary',
  'record.colCheck': 'Check',
  'record.check': 'Check',
  'record.checkEntry': 'Check entry {index}',
  'record.emptyValue': '—',
  'record.iconOk': '✓',
  'record.iconFailed': '✗',
  'record.iconPending': '◷',
  'record.iconChecking': '…',
  'record.included':
    'In the record at index {index}; proof checked against checkpoint of size {size}',
  'record.pending': 'Not yet in a checkpoint',

  'proof.check': 'Check in the record',
  'proof.checkLabel': 'Check that this decision is in the record: {what}',
  'proof.checking': 'Checking the record…',
  'proof.included':
    'In the record: entry {index}, proven in this browser against the checkpoint of size {size} signed by {key}.',
  'proof.pending':
    'Recorded as entry {index}; no signed checkpoint covers it yet. Check again in a moment.',
  'proof.failed': 'The record check failed: {reason}',
  'proof.noEvent': 'Made before decisions named their record entries; see the Record page.',
  'proof.record': 'Record',
  'proof.whatFinding': 'the finding',
  'proof.whatActivation': 'the activation',
  'proof.whatResponse': 'the response',

  'record.failed': 'Check failed: {reason}',
  'record.entryResult': 'Entry {index}: {result}',
  'record.summary':
    'Checked {count} entries: {included} in the record, {pending} not yet in a checkpoint, {failed} failed.',
  'record.reasonEntryNotBase64': 'the entry bytes are not valid base64',
  'record.reasonLeafHash': 'the entry bytes do not hash to the leaf hash the server gave',
  'record.reasonEntryFields': 'the entry bytes do not hold the fields shown in this row',
  'record.reasonNoVerifiedCheckpoint':
    'the checkpoint did not verify, so there is nothing trusted to check against',
  'record.reasonProofMismatch': 'the server sent a proof for index {index} and size {size}',
  'record.reasonProofNotBase64': 'a proof hash is not valid base64',
} as const;
