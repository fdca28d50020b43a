/** Users and roles as the API shows them, and the changes an admin sends. */
import { Type, type Static } from 'typebox';
import { ROLES, type Role as RoleName } from '../../core/auth/permissions.js';
import { Nullable, Timestamp } from './common.js';

export const Role = Type.Unsafe<RoleName>(Type.String({ enum: [...ROLES] }));
export type Role = Static<typeof Role>;

export const User = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    role: Role,
    actor: Nullable(Type.String()),
    createdAt: Timestamp,
    disabledAt: Nullable(Timestamp),
  },
  { $id: 'User', additionalProperties: false },
);
export type User = Static<typeof User>;

export const UserList = Type.Object({ users: Type.Array(User) });
export type UserList = Static<typeof UserList>;

export const NameParams = Type.Object({ name: Type.String({ maxLength: 64 }) });
export type NameParams = Static<typeof NameParams>;

export const NewUser = Type.Object(
  {
    name: Type.String({ maxLength: 64 }),
    role: Type.String({ maxLength: 32 }),
    actor: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    password: Type.Optional(Type.String({ maxLength: 256 })),
  },
  { additionalProperties: false },
);
export type NewUser = Static<typeof NewUser>;

/** A user added, with the generated password when none was given (shown once). */
export const AddedUser = Type.Object({ user: User, password: Type.Optional(Type.String()) });
export type AddedUser = Static<typeof AddedUser>;

export const UserChange = Type.Object(
  {
    role: Type.Optional(Type.String({ maxLength: 32 })),
    actor: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserChange = Static<typeof UserChange>;

export const UserAnswer = Type.Object({ user: User });
export type UserAnswer = Static<typeof UserAnswer>;

/** A role, what it is for, and its permission verbs. */
export const RoleInfo = Type.Object({
  role: Role,
  description: Type.String(),
  verbs: Type.Array(Type.String()),
});
export type RoleInfo = Static<typeof RoleInfo>;

export const RoleList = Type.Object({ roles: Type.Array(RoleInfo) });
export type RoleList = Static<typeof RoleList>;
