import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Org, OrgInput, OrgPatch } from '../../contract/orgs';
import { del, patch, post } from '../app/api';

// One list with the server's checks: the web's copy had lost 扶贫办 and the township and village levels.
import { ORG_KINDS, ORG_LEVELS, type OrgKind, type OrgLevel } from '../../domain/shared/orgs';
export { ORG_KINDS, ORG_LEVELS, type OrgKind, type OrgLevel };

export type { Org, OrgInput, OrgPatch } from '../../contract/orgs';
export { buildOrgTree, ORGS_KEY, useOrgs, type OrgNode } from '../shared/orgs';
import { ORGS_KEY } from '../shared/orgs';

export function useCreateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgInput) => post<Org>('/api/orgs', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}

export function useUpdateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: OrgPatch & { id: number }) => patch<Org>(`/api/orgs/${id}`, input),
    onSettled: () => qc.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}

export function useDeleteOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => del(`/api/orgs/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}
