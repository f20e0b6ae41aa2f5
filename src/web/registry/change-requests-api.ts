/**
 * 户情变更审批 (issue 11) as the pages use it: the change requests of the user's region, their decisions, and the
 * approval rules. Every shape is the contract's (src/contract/registry/change-requests.ts).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChangeRequest, ChangeRequestQuery, ChangeResubmit, ChangeRules, ChangeRulesInput } from '../../contract/registry/change-requests';
import type { Household } from '../../contract/registry/households';
import type { Page } from '../../contract/page';
import { get, post, put } from '../app/api';
import { useChange } from '../app/mutations';

export type { ChangeField, ChangeRequest, ChangeRules } from '../../contract/registry/change-requests';
export { CHANGE_STATE_LABELS, CHANGE_STATES } from '../../domain/registry/change-requests';

const BASE = '/api/registry/change-requests';

/** What a registry write answered: the household as changed (200), or the change request that waits (202). */
export function isChangeRequest(x: Household | ChangeRequest): x is ChangeRequest {
  return 'stateLabel' in x;
}

export function useChangeRequests(query: Omit<ChangeRequestQuery, 'page' | 'pageSize'>, page = 1, pageSize = 20, enabled = true) {
  return useQuery({
    queryKey: ['registry', 'change-requests', query, page, pageSize],
    queryFn: ({ signal }) => get<Page<ChangeRequest>>(BASE, { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useChangeRules(region?: string) {
  return useQuery({ queryKey: ['registry', 'change-rules', region], queryFn: ({ signal }) => get<ChangeRules>(`${BASE}/rules`, { region }, signal) });
}

export function useSetChangeRules() {
  return useChange((input: ChangeRulesInput) => put<ChangeRules>(`${BASE}/rules`, input), ['registry']);
}

/** approve, return {reason}, reject {reason}, withdraw, resubmit {household | income}. */
export function useChangeAction() {
  return useChange(
    ({ id, action, body }: { id: number; action: 'approve' | 'return' | 'reject' | 'withdraw' | 'resubmit'; body?: { reason: string } | ChangeResubmit }) =>
      post<ChangeRequest>(`${BASE}/${id}/${action}`, body ?? {}),
    ['registry'],
  );
}
