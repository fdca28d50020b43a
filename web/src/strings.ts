/**
 * Every user-visible text of the browser app, keyed by message id, one catalogue per language.
 * Components never hold literal text: they call `t(id, params)`. A translation is a new
 * catalogue of the same shape; `{name}` placeholders are filled from `params`.
 */

const en = {
  'app.name': 'Truce',
  'app.skipToContent': 'Skip to main content',
  'app.loading': 'Loading…',
  'app.version': 'Truce {version}',
  'app.retry': 'Try again',
  'app.bootFailed': 'Truce could not start.',

  'demo.title': 'Demo data',
  'demo.text':
    'This instance runs with demonstration users whose passwords are published. Anyone can sign in as them: do not enter real information.',

  'nav.label': 'Main',
  'nav.users': 'Users',
  'nav.account': 'Account',
  'nav.record': 'Record',
  'nav.apiDocs': 'API docs',
  'nav.opensInNewTab': '(opens in a new tab)',

  'header.signedInAs': 'Signed in as',
  'header.role': 'Role: {role}',
  'header.logout': 'Log out',
  'header.loggingOut': 'Logging out…',

  'login.title': 'Sign in',
  'login.intro': 'Sign in to the ceasefire-monitoring platform.',
  'login.username': 'User name',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.tooMany': 'Too many attempts. Try again in {wait}.',
  'login.tooManyNoTime': 'Too many attempts. Try again later.',
  'login.required': 'Enter your user name and password.',
  'login.loggedOut': 'You have logged out.',
  'login.sessionEnded': 'Your session has ended. Sign in again to continue.',
  'login.passwordChanged':
    'Your password has been changed and all your sessions have ended. Sign in with the new password.',

  'users.title': 'Users',
  'users.intro': 'People and machine accounts that can use this instance.',
  'users.tableCaption': 'All users',
  'users.empty': 'There are no users yet.',
  'users.colName': 'Name',
  'users.colRole': 'Role',
  'users.colActor': 'Actor',
  'users.colStatus': 'Status',
  'users.colCreated': 'Created',
  'users.colActions': 'Actions',
  'users.enabled': 'Enabled',
  'users.disabledSince': 'Disabled since {date}',
  'users.noActor': '—',
  'users.roleFor': 'Role for {name}',
  'users.actorFor': 'Actor for {name}',
  'users.saveRole': 'Save role',
  'users.saveRoleFor': 'Save role for {name}',
  'users.disable': 'Disable',
  'users.disableFor': 'Disable {name}',
  'users.enable': 'Enable',
  'users.enableFor': 'Enable {name}',
  'users.updated': 'User {name} updated.',

  'userForm.title': 'Add a user',
  'userForm.name': 'User name',
  'userForm.nameHint': 'Lowercase letters, digits, “.”, “_” or “-”, starting with a letter.',
  'userForm.role': 'Role',
  'userForm.actor': 'Actor',
  'userForm.actorHint': 'The id of the guarantor actor this user acts for, for example GBR.',
  'userForm.password': 'Password (optional)',
  'userForm.passwordHint':
    'At least 10 characters. Leave empty to have a password generated and shown once.',
  'userForm.submit': 'Add user',
  'userForm.submitting': 'Adding…',
  'userForm.added': 'User {name} added.',
  'userForm.generatedTitle': 'Generated password for {name}',

  'account.title': 'Account',
  'account.intro': 'Your password and your API tokens.',

  'password.title': 'Change password',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.newHint': 'At least 10 characters. Changing it signs you out everywhere.',
  'password.repeat': 'Repeat new password',
  'password.mismatch': 'The two new passwords differ.',
  'password.submit': 'Change password',
  'password.submitting': 'Changing…',

  'tokens.title': 'API tokens',
  'tokens.intro': 'Tokens let scripts and tools call the API as you. Send one as a Bearer token.',
  'tokens.tableCaption': 'Your API tokens',
  'tokens.empty': 'You have no API tokens.',
  'tokens.colLabel': 'Label',
  'tokens.colCreated': 'Created',
  'tokens.colExpires': 'Expires',
  'tokens.colLastUsed': 'Last used',
  'tokens.colStatus': 'Status',
  'tokens.colActions': 'Actions',
  'tokens.never': 'Never',
  'tokens.noExpiry': 'No expiry',
  'tokens.active': 'Active',
  'tokens.expired': 'Expired',
  'tokens.revokedOn': 'Revoked {date}',
  'tokens.revoke': 'Revoke',
  'tokens.revokeFor': 'Revoke token {label}',
  'tokens.revoked': 'Token {label} revoked.',
  'tokens.createTitle': 'Create a token',
  'tokens.label': 'Label',
  'tokens.labelHint': 'What the token is for, for example “nightly export”.',
  'tokens.expiresInDays': 'Expires after (days, optional)',
  'tokens.expiresHint': 'Leave empty for a token that does not expire.',
  'tokens.daysInvalid': 'Enter a whole number of days, or leave the field empty.',
  'tokens.create': 'Create token',
  'tokens.creating': 'Creating…',
  'tokens.secretTitle': 'Secret for token {label}',

  'secret.note': 'Copy it now: it will not be shown again.',
  'secret.copy': 'Copy',
  'secret.copied': 'Copied to the clipboard.',
  'secret.copyFailed': 'Could not copy; select the text and copy it.',
  'secret.dismiss': 'I have saved it',

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

  'notFound.title': 'Page not found',
  'notFound.text': 'There is no page at {path}.',
  'notFound.home': 'Go to the start page',
  'noAccess.title': 'No access',
  'noAccess.text': 'Your role does not give access to this area.',

  'error.network': 'The server could not be reached. Check your connection and try again.',
  'error.http': 'The server answered with status {status}.',
  'error.badResponse': 'The server sent an answer the app cannot read.',
  'error.unexpected': 'An unexpected error occurred: {message}',
  'error.fieldLabel': '{field}: {message}',

  'time.seconds': '{count} seconds',
  'time.oneSecond': '1 second',
  'time.minutes': '{count} minutes',
  'time.oneMinute': '1 minute',
  'time.none': '—',
} as const;

/** A message id: a key of the English catalogue, which every other catalogue must match. */
export type MessageId = keyof typeof en;

/** Values substituted for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Catalogues by language tag. Add a language by adding a complete catalogue here. */
export const catalogues: Readonly<Record<string, Readonly<Record<MessageId, string>>>> = { en };

/** The language the app currently speaks; matches `<html lang>`. */
export const language = 'en';

/** The text for a message id, with `{name}` placeholders replaced by `params`. */
export function t(id: MessageId, params?: MessageParams): string {
  const template = catalogues[language]?.[id] ?? en[id];
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
