import { useRef } from 'react';
import { useVillageHouseholds } from './api';
import { SearchSelect } from './fields';

/**
 * The households a 到户 project reaches: several of the village's registered households, found by the head's name or
 * the household number (the registry's household search, limited to the village). The names of those chosen stay
 * shown when the search moves on.
 */
export function HouseholdPick({ villageCode, value, onChange, id }: { villageCode: string | undefined; value?: number[]; onChange?: (ids: number[]) => void; id?: string }) {
  const known = useRef(new Map<number, string>());
  const useChoices = (text: string) => {
    const hits = useVillageHouseholds(villageCode, text);
    const items = hits.data?.items ?? [];
    for (const h of items) known.current.set(h.id, `${h.head ?? '（无户主）'} · ${h.number}`);
    const found = new Set(items.map((h) => h.id));
    const chosen = (value ?? []).filter((v) => !found.has(v)).map((v) => ({ value: v, label: known.current.get(v) ?? `#${v}` }));
    return { loading: hits.isFetching, options: [...chosen, ...items.map((h) => ({ value: h.id, label: `${h.head ?? '（无户主）'} · ${h.number} · ${h.status}` }))] };
  };
  return (
    <SearchSelect<number[]>
      id={id}
      mode="multiple"
      disabled={!villageCode}
      useChoices={useChoices}
      value={value ?? []}
      onChange={(ids) => onChange?.(ids)}
      placeholder={villageCode ? '输入户主姓名或户编号查找本村贫困户' : '请先选择所在村'}
      notFoundContent="本村没有找到贫困户"
    />
  );
}
