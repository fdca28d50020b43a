/** Every migration, by its numbered name. Add new ones at the end; never edit a shipped one. */
import type { Migration } from 'kysely';
import * as accounts from './0001-accounts.js';
import * as record from './0002-record.js';
import * as agreements from './0003-agreements.js';
import * as reports from './0004-reports.js';
import * as groupingIndex from './0005-grouping-index.js';
import * as incidentCells from './0006-incident-cells.js';
import * as incidentListIndex from './0007-incident-list-index.js';
import * as accountability from './0008-accountability.js';
import * as webhooks from './0009-webhooks.js';
import * as decisionEvents from './0010-decision-events.js';
import * as groupingDecisions from './0011-grouping-decisions.js';
import * as incidentRadiusIndex from './0012-incident-radius-index.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-accounts': accounts,
  '0002-record': record,
  '0003-agreements': agreements,
  '0004-reports': reports,
  '0005-grouping-index': groupingIndex,
  '0006-incident-cells': incidentCells,
  '0007-incident-list-index': incidentListIndex,
  '0008-accountability': accountability,
  '0009-webhooks': webhooks,
  '0010-decision-events': decisionEvents,
  '0011-grouping-decisions': groupingDecisions,
  '0012-incident-radius-index': incidentRadiusIndex,
};
