/** The bodies in the user's scope, as every feature's body picker reads them (GET /api/orgs). */
import { useQuery } from '@tanstack/react-query';
import type { Org } from '../../contract/orgs';
import { get } from '../app/api';

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
