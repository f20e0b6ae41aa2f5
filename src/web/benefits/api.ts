/**
 * 政策享受 (issue 15) as the pages use it: the catalog of departments and policies, a household's benefits, and the
 * import's URLs. Every shape is the contract's (`src/contract/benefits.ts`).
 */
import { useQuery } from '@tanstack/react-query';
import type { BenefitCatalog, HouseholdBenefits } from '../../contract/benefits';
import { get } from '../app/api';

export type { BenefitCatalog, BenefitImportResult, HouseholdBenefits, BenefitItem } from '../../contract/benefits';

export const BENEFITS_KEY = 'benefits';
export const BENEFITS_IMPORT_URL = '/api/benefits/import';
export const benefitTemplateUrl = (department: string) => `/api/benefits/template.xlsx?department=${encodeURIComponent(department)}`;

export const useBenefitCatalog = () => useQuery({ queryKey: [BENEFITS_KEY, 'catalog'], queryFn: ({ signal }) => get<BenefitCatalog>('/api/benefits/catalog', undefined, signal), staleTime: Infinity });

export const useHouseholdBenefits = (householdId: number) =>
  useQuery({ queryKey: [BENEFITS_KEY, 'household', householdId], queryFn: ({ signal }) => get<HouseholdBenefits>(`/api/benefits/households/${householdId}`, undefined, signal) });

export const yuanText = (n: number) => `${n.toLocaleString('zh-CN')} 元`;
