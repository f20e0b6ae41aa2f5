import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Org, OrgInput, OrgPatch } from '../../contract/orgs';
import { del, get, patch, post } from '../app/api';

// One list with the server's checks: the web's copy had lost 扶贫办 and the township and village levels.
import { ORG_KINDS, ORG_LEVELS, type OrgKind, type OrgLevel } from '../../domain/shared/orgs';
export { ORG_KINDS, ORG_LEVELS, type OrgKind, type OrgLevel };

export type { Org, OrgInput, OrgPatch } from '../../contract/orgs';

/** A body in the tree the web builds from the flat list. */
export type OrgNode = Org & { children: OrgNode[] };

export const ORGS_KEY = ['orgs'] as const;

export function useOrgs() {
  return useQuery({
    queryKey: ORGS_KEY,
    queryFn: ({ signal }) => get<{ items: Org[] }>('/api/orgs', undefined, signal).then((r) => r.items),
    staleTime: 60_000,
  });
}

/** Builds the body tree from the flat list (ordered by path); a body whose parent is out of scope is a root. */
export function buildOrgTree(items: readonly Org[]): OrgNode[] {
  const byId = new Map<number, OrgNode>();
  for (const o of items) byId.set(o.id, { ...o, children: [] });
  const roots: OrgNode[] = [];
  for (const o of items) {
    const node = byId.get(o.id);
    if (!node) continue;
    const parent = o.parentId === null ? undefined : byId.get(o.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

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
