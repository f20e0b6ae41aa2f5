import { isPermission, MODULES, PERMISSION_DEFINITIONS, PERMISSIONS, type Permission } from '../../domain/auth/permissions';
import { ROLE_DEFINITIONS, ROLES } from '../../domain/auth/roles';
import { AppError, validationError } from '../../domain/shared/errors';
import type { PermissionGroups, RoleInput, RoleItem, RolePatch } from '../../contract/roles';
import type { AuditEntity, AuditService } from '../audit/service';
import { inScope, requireGrantableRole, requirePermission, type Auth } from './access';
import type { RolesRepo } from './repo';

/** Entity name of a defined role in the audit log. */
const ROLE_ENTITY: AuditEntity = 'role';

type RoleRow = NonNullable<Awaited<ReturnType<RolesRepo['findById']>>>;

/**
 * Defined roles are scoped by the office of the user who made them: seen (and granted) in that office's subtree and on
 * the line above it, never in a sibling county (DESIGN: “another scope's data never appears”).
 */
export function definedRoleVisible(auth: Auth, role: { creatorPath: string }): boolean {
  return role.creatorPath.startsWith(auth.orgPath) || auth.orgPath.startsWith(role.creatorPath);
}

function snapshot(r: { code: string; name: string; description: string; permissions: readonly string[] }) {
  return { code: r.code, name: r.name, description: r.description, permissions: [...r.permissions] };
}

/** The permission list by module, in the order of src/domain/auth/permissions.ts (one list for checks, editor and menu). */
export function permissionGroups(): PermissionGroups {
  return {
    modules: MODULES.map((module) => ({
      module,
      permissions: PERMISSIONS.filter((p) => PERMISSION_DEFINITIONS[p].module === module).map((code) => ({
        code,
        label: PERMISSION_DEFINITIONS[code].label,
        readOnly: 'readOnly' in PERMISSION_DEFINITIONS[code],
      })),
    })),
  };
}

/**
 * Roles (issue 11: “Administrators can define further roles from the permission list in the UI”): the shipped roles
 * (domain data, fixed) and the ones administrators define (the `roles` table). A user defines, changes or deletes only
 * a role whose permissions are all their own (DESIGN: “a user never grants a scope or permission they do not hold”); a
 * change of a role's permissions applies to its signed-in users at once (`dropCachedRole`).
 */
export function makeRolesService(deps: { repo: RolesRepo; audit: AuditService; dropCachedRole: (code: string) => void }) {
  const { repo, audit } = deps;

  const grantable = (auth: Auth, permissions: readonly string[]) => permissions.every((p) => isPermission(p) && auth.permissions.has(p));
  const permissionsOf = (row: RoleRow): Permission[] => row.permissions.filter(isPermission);

  function itemOf(auth: Auth, row: RoleRow, users: number): RoleItem {
    const permissions = permissionsOf(row);
    const changeable = inScope(auth, row.creatorPath);
    return { id: row.id, code: row.code, name: row.name, description: row.description, permissions, own: null, levels: [], shipped: false, grantable: grantable(auth, permissions), changeable, users, version: row.version };
  }

  /** The permissions as given, once each, in the list's order. */
  function normalised(permissions: readonly Permission[]): Permission[] {
    const wanted = new Set(permissions);
    return PERMISSIONS.filter((p) => wanted.has(p));
  }

  /** A role's name is unique among shipped and defined roles, so that a user list never shows two alike. */
  async function requireFreeName(name: string, exceptId?: number) {
    const shipped = ROLES.some((r) => ROLE_DEFINITIONS[r].label === name);
    const defined = await repo.findByName(name);
    if (shipped || (defined && defined.id !== exceptId))
      throw validationError([{ field: 'name', label: '角色名称', message: `已有名为“${name}”的角色，请换一个名称` }]);
  }

  /** A role another county defined is not seen there (not even its name); one made above the caller is, unchangeable. */
  async function load(auth: Auth, id: number): Promise<RoleRow> {
    const row = await repo.findById(id);
    if (!row || !definedRoleVisible(auth, row)) throw new AppError('NOT_FOUND', '角色不存在');
    return row;
  }

  /** The caller changes or deletes only a role made in their own subtree (its users may be anywhere the maker sees). */
  function requireChangeable(auth: Auth, row: RoleRow) {
    if (!inScope(auth, row.creatorPath)) throw new AppError('FORBIDDEN', `角色“${row.name}”由上级单位定义，您不能修改或删除`);
    requireGrantableRole(auth, { name: row.name, permissions: permissionsOf(row) });
  }

  return {
    permissionGroups,

    /** Shipped roles first (with label, description, permissions, own, levels), then the defined ones; each with `grantable`. */
    async list(auth: Auth): Promise<RoleItem[]> {
      requirePermission(auth, 'users.manage');
      const counts = await repo.userCounts(auth.orgPath);
      const shipped = ROLES.map((code): RoleItem => {
        const d = ROLE_DEFINITIONS[code];
        return {
          id: null,
          code,
          name: d.label,
          description: d.description,
          permissions: [...d.permissions],
          own: d.own ?? null,
          levels: [...(d.levels ?? [])],
          shipped: true,
          grantable: grantable(auth, d.permissions),
          changeable: false,
          users: counts.get(code) ?? 0,
          version: null,
        };
      });
      const defined = (await repo.list()).filter((row) => definedRoleVisible(auth, row)).map((row) => itemOf(auth, row, counts.get(row.code) ?? 0));
      return [...shipped, ...defined];
    },

    async create(auth: Auth, input: RoleInput): Promise<RoleItem> {
      requirePermission(auth, 'roles.manage');
      const name = input.name.trim();
      const permissions = normalised(input.permissions);
      requireGrantableRole(auth, { name, permissions });
      await requireFreeName(name);
      const values = { name, description: input.description?.trim() ?? '', permissions };
      const made = await repo.insert({ ...values, createdBy: auth.userId });
      const row = { ...made, ...values, createdBy: auth.userId, creatorPath: auth.orgPath };
      await audit.record(auth, ROLE_ENTITY, row.id, 'create', null, snapshot(row));
      return itemOf(auth, row, 0);
    },

    /** Changes a defined role (at the version read: 409 when another change came first); its users' sessions follow at once. */
    async update(auth: Auth, id: number, input: RolePatch): Promise<RoleItem> {
      requirePermission(auth, 'roles.manage');
      const row = await load(auth, id);
      requireChangeable(auth, row);
      const name = input.name.trim();
      const permissions = normalised(input.permissions);
      requireGrantableRole(auth, { name, permissions });
      await requireFreeName(name, row.id);
      const values = { name, description: input.description?.trim() ?? row.description, permissions };
      if (!(await repo.update(row.id, input.version, values)))
        throw new AppError('STALE_VERSION', '该角色已被他人修改，请刷新后重试', { currentVersion: row.version });
      deps.dropCachedRole(row.code);
      await audit.record(auth, ROLE_ENTITY, row.id, 'update', snapshot(row), snapshot({ ...row, ...values }));
      const users = await repo.countUsersOf(row.code);
      return itemOf(auth, { ...row, ...values, version: input.version + 1 }, users);
    },

    /** Deletes a defined role no user has (refused, naming how many, while one does). */
    async remove(auth: Auth, id: number): Promise<void> {
      requirePermission(auth, 'roles.manage');
      const row = await load(auth, id);
      requireChangeable(auth, row);
      const inUse = async () => {
        const n = await repo.countUsersOf(row.code);
        return new AppError('CONFLICT', `角色“${row.name}”仍有 ${n} 个用户在用，不能删除；请先为这些用户改用其他角色`, { users: n });
      };
      if ((await repo.countUsersOf(row.code)) > 0) throw await inUse();
      if (!(await repo.delete(row.id, row.code))) {
        if (await repo.findById(row.id)) throw await inUse();
        throw new AppError('NOT_FOUND', '角色不存在');
      }
      deps.dropCachedRole(row.code);
      await audit.record(auth, ROLE_ENTITY, row.id, 'delete', snapshot(row), null);
    },
  };
}

export type RolesService = ReturnType<typeof makeRolesService>;
