/**
 * The tables, as Kysely sees them. Times are ISO 8601 UTC strings (`2026-01-06T12:00:00.000Z`)
 * on both dialects, so they compare and sort the same in SQLite and PostgreSQL.
 *
 * Projections (rebuilt from the record): users, api_tokens, instance_settings.
 * Operational state (never in the record): user_passwords, api_token_secrets, sessions.
 */
import type { Generated } from 'kysely';

export interface Database {
  record_events: RecordEventRow;
  users: UserRow;
  user_passwords: UserPasswordRow;
  api_tokens: ApiTokenRow;
  api_token_secrets: ApiTokenSecretRow;
  sessions: SessionRow;
  instance_settings: InstanceSettingRow;
}

export interface RecordEventRow {
  seq: Generated<number>;
  id: string;
  type: string;
  version: number;
  at: string;
  by: string;
  payload: string;
}

export interface UserRow {
  id: string;
  name: string;
  role: string;
  actor: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface UserPasswordRow {
  user_id: string;
  hash: string;
  set_at: string;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  label: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface ApiTokenSecretRow {
  token_id: string;
  secret_sha256: string;
  last_used_at: string | null;
}

export interface SessionRow {
  id_sha256: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  absolute_expires_at: string;
}

export interface InstanceSettingRow {
  key: string;
  value: string;
}
