import type { Org, OrgInput, OrgPatch } from '../../contract/orgs';
import { del, patch, post } from '../app/api';
import { useChange } from '../app/mutations';

// One list with the server's checks: the web's copy had lost 扶贫办 and the township and village levels.
import { ORG_KINDS, ORG_LEVELS, type OrgKind, type OrgLevel } from '../../domain/shared/orgs';
export { ORG_KINDS, ORG_LEVELS, type OrgKind, type OrgLevel };

export type { Org, OrgInput, OrgPatch } from '../../contract/orgs';
export { buildOrgTree, ORGS_KEY, useOrgs, type OrgNode } from '../shared/orgs';
import { ORGS_KEY } from '../shared/orgs';

export function useCreateOrg() {
  return useChange((input: OrgInput) => post<Org>('/api/orgs', input), ORGS_KEY);
}

export function useUpdateOrg() {
  return useChange(({ id, ...input }: OrgPatch & { id: number }) => patch<Org>(`/api/orgs/${id}`, input), ORGS_KEY, { always: true });
}

export function useDeleteOrg() {
  return useChange((id: number) => del(`/api/orgs/${id}`), ORGS_KEY);
}
