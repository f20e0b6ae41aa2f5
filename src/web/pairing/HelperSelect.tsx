import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useHelpers } from './api';

export interface HelperSelectProps {
  id?: string;
  value?: number;
  onChange?: (id: number | undefined) => void;
  /** A helper to leave out (the one being replaced). */
  exclude?: number;
  style?: CSSProperties;
}

/**
 * Chooses an active helper the user may assign (of the user's region or a region above it), searching by name or
 * unit; each shows how many households they hold now, and those at the limit cannot be chosen.
 */
export function HelperSelect({ id, value, onChange, exclude, style }: HelperSelectProps) {
  const [q, setQ] = useState('');
  const list = useHelpers({ q: q || undefined, active: true }, 1, 50);
  const limit = list.data?.limit ?? 3;
  return (
    <Select<number>
      id={id}
      aria-label="帮扶责任人"
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={list.isFetching}
      placeholder="输入姓名或单位搜索"
      notFoundContent={list.isFetching ? '加载中…' : '没有符合条件的帮扶责任人，请先在“帮扶责任人”中登记'}
      style={{ minWidth: 260, ...style }}
      popupMatchSelectWidth={420}
      options={(list.data?.items ?? [])
        .filter((h) => h.id !== exclude)
        .map((h) => ({
          value: h.id,
          label: `${h.name}（${h.unit}${h.post ? ` ${h.post}` : ''}，现联系 ${h.households} 户）`,
          disabled: h.households >= limit,
        }))}
    />
  );
}
