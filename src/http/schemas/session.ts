/** Signing in and the session as the API shows it. */
import { Type, type Static } from 'typebox';
import { User } from './users.js';

export const Session = Type.Object({
  user: User,
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'when the session ends unless used again; null for API tokens',
  }),
  verbs: Type.Array(Type.String(), { description: 'the permission verbs of the user’s role' }),
});
export type Session = Static<typeof Session>;

export const Credentials = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type Credentials = Static<typeof Credentials>;

export const PasswordChange = Type.Object(
  {
    currentPassword: Type.String({ maxLength: 256 }),
    newPassword: Type.String({ maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type PasswordChange = Static<typeof PasswordChange>;
