/**
 * Every user-visible text of the browser app, keyed by message id, one catalogue per language.
 * Components never hold literal text: they call `t(id, params)`. A translation is a new
 * catalogue of the same shape; `{name}` placeholders are filled from `params`.
 *
 * The English catalogue is put together here from the words each area keeps beside its code
 * (areas/<area>/strings.ts, map/strings.ts) and the words of the shell and the shared components
 * below. No two parts hold the same key (strings.test.ts).
 */
// With `.js`, as the browser tests (e2e/, on Node's module resolution) import this file too.
import { accountStrings } from './areas/account/strings.js';
import { accountabilityStrings } from './areas/accountability/strings.js';
import { adminStrings } from './areas/admin/strings.js';
import { agreementsStrings } from './areas/agreements/strings.js';
import { boardStrings } from './areas/board/strings.js';
import { monitoringStrings } from './areas/monitoring/strings.js';
import { operationsStrings } from './areas/operations/strings.js';
import { recordStrings } from './areas/record/strings.js';
import { mapStrings } from './map/strings.js';

/** The words of the shell, the navigation, live changes, errors and the shared components. */
const sharedStrings = {
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
  'nav.agreements': 'Agreements',
  'nav.monitoring': 'Monitoring',
  'nav.activations': 'Activations',
  'nav.apiDocs': 'API docs',
  'nav.opensInNewTab': '(opens in a new tab)',

  'header.signedInAs': 'Signed in as',
  'header.role': 'Role: {role}',
  'header.logout': 'Log out',
  'header.loggingOut': 'Logging out…',

  'secret.note': 'Copy it now: it will not be shown again.',
  'secret.copy': 'Copy',
  'secret.copied': 'Copied to the clipboard.',
  'secret.copyFailed': 'Could not copy; select the text and copy it.',
  'secret.dismiss': 'I have saved it',

  'breadcrumb.label': 'Pages above this one',

  'icon.warning': '⚠',

  'observed.window': '{from} to {to}',

  'icon.met': '✓',
  'icon.failed': '✗',
  'icon.undecided': '?',

  'live.changed': 'Changed since this page loaded: {list}.',
  'live.listSeparator': ', ',
  'live.report': '{count} reports',
  'live.reportOne': '1 report',
  'live.incident': '{count} incidents',
  'live.incidentOne': '1 incident',
  'live.activation': '{count} activations',
  'live.activationOne': '1 activation',
  'live.finding': '{count} findings',
  'live.findingOne': '1 finding',
  'live.response': '{count} responses',
  'live.responseOne': '1 response',
  'live.document': '{count} documents',
  'live.documentOne': '1 document',
  'live.alert': '{count} alerts',
  'live.alertOne': '1 alert',
  'live.missed': 'possibly more while the live connection was down',
  'live.refresh': 'Refresh',
  'live.dismiss': 'Dismiss',

  'nav.board': 'Guarantees',

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

  'nav.operations': 'Operations',
} as const;

/** The parts of the English catalogue, by the place whose words they are. */
export const englishParts = {
  shared: sharedStrings,
  operations: operationsStrings,
  board: boardStrings,
  monitoring: monitoringStrings,
  accountability: accountabilityStrings,
  agreements: agreementsStrings,
  record: recordStrings,
  admin: adminStrings,
  account: accountStrings,
  map: mapStrings,
} as const;

const en = {
  ...sharedStrings,
  ...operationsStrings,
  ...boardStrings,
  ...monitoringStrings,
  ...accountabilityStrings,
  ...agreementsStrings,
  ...recordStrings,
  ...adminStrings,
  ...accountStrings,
  ...mapStrings,
} as const;

/** A message id: a key of the English catalogue, which every other catalogue must match. */
export type MessageId = keyof typeof en;

/** Values substituted for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Catalogues by language tag. Add a language by adding a complete catalogue here. */
export const catalogues: Readonly<Record<string, Readonly<Record<MessageId, string>>>> = { en };

/** The language the app currently speaks; matches `<html lang>`. */
export const language = 'en';

/** Whether `id` is a message id of the catalogue (for ids built from data, such as kinds). */
export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(en, id);
}

/** The text for a message id, with `{name}` placeholders replaced by `params`. */
export function t(id: MessageId, params?: MessageParams): string {
  const template = catalogues[language]?.[id] ?? en[id];
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
