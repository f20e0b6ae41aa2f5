import { Select } from 'antd';
import { useRef, useState } from 'react';
import { useVillageHouseholds } from './api';

/**
 * The households a 到户 project reaches: several of the village's registered households, found by the head's name or
 * the household number (the registry's household search, limited to the village). The names of those chosen stay
 * shown when the search moves on.
 */
export function HouseholdPick({ villageCode, value, onChange, id }: { villageCode: string | undefined; value?: number[]; onChange?: (ids: number[]) => void; id?: string }) {
  const [q, setQ] = useState('');
  const hits = useVillageHouseholds(villageCode, q.trim());
  const known = useRef(new Map<number, string>());
  for (const h of hits.data?.items ?? []) known.current.set(h.id, `${h.head ?? '（无户主）'} · ${h.number}`);
  const shown = new Set((hits.data?.items ?? []).map((h) => h.id));
  const options = [
    ...(value ?? []).filter((v) => !shown.has(v)).map((v) => ({ value: v, label: known.current.get(v) ?? `#${v}` })),
    ...(hits.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.head ?? '（无户主）'} · ${h.number} · ${h.status}` })),
  ];
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      allowClear
      disabled={!villageCode}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? []}
      onChange={(ids) => onChange?.(ids)}
      loading={hits.isFetching}
      placeholder={villageCode ? '输入户主姓名或户编号查找本村贫困户' : '请先选择所在村'}
      notFoundContent={hits.isFetching ? '查找中…' : '本村没有找到贫困户'}
      options={options}
    />
  );
}
