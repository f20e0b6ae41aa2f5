/**
 * Roles (issue 11: “roles as permissions plus data scope … administrators can define further roles from the
 * permission list in the UI”): the permission list by module, the shipped and defined roles, and what a defined role
 * is made of. The server's routes declare these schemas; the web takes its types and checks its forms here.
 */
import { z } from 'zod';
import { MODULES } from '../domain/auth/permissions';
import { permission } from './auth';
import { int, name } from './zod';

/** GET /api/permissions: the permission list grouped by module, each with its Chinese label. */
export const permissionGroups = z.object({
  modules: z.array(
    z.object({
      module: z.enum(MODULES),
      permissions: z.array(z.object({ code: permission, label: z.string(), readOnly: z.boolean() })),
    }),
  ),
});
export type PermissionGroups = z.output<typeof permissionGroups>;

/** A role: shipped (no id, fixed) or defined by an administrator (id, version). */
export const roleItem = z.object({
  /** The defined role's id; null for a shipped role. */
  id: z.number().nullable(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(permission),
  /** Which of the user's own records narrow a shipped role (member → entries, helper → households …). */
  own: z.string().nullable(),
  /** The office levels the role is meant for; empty when any. */
  levels: z.array(z.string()),
  shipped: z.boolean(),
  /** Whether the caller holds every permission of the role (may give it to a user). */
  grantable: z.boolean(),
  /** Whether the caller may change or delete it (a defined role made in the caller's subtree). */
  changeable: z.boolean(),
  /** How many users of the caller's subtree have the role. */
  users: z.number(),
  version: z.number().nullable(),
});
export type RoleItem = z.output<typeof roleItem>;
export const roleList = z.object({ items: z.array(roleItem) });

const roleFields = {
  name: name(30).min(1, { error: '请填写角色名称' }),
  description: name(200).optional(),
  permissions: z.array(permission, { error: '请选择权限' }).min(1, { error: '请至少选择一项权限' }),
};

/** POST /api/roles: a new role from the permission list. */
export const roleInput = z.object(roleFields);
export type RoleInput = z.output<typeof roleInput>;

/** PATCH /api/roles/:id: the role as edited, with the version it was read at (409 when another change came first). */
export const rolePatch = z.object({ ...roleFields, version: int(1) });
export type RolePatch = z.output<typeof rolePatch>;
