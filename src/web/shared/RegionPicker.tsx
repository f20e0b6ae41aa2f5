import { Cascader, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../app/api';
import type { RegionChild, RegionHit, RegionLevel } from '../../contract/regions';
import { fetchChildren, fetchRegion, LEVEL_NAMES, searchRegions } from './regions';

interface RegionOption {
  value: string;
  label: string;
  level: RegionLevel;
  deepPoverty: boolean;
  isLeaf: boolean;
  children?: RegionOption[];
}

export interface RegionInfo {
  code: string;
  /** Names from the province down, joined by “/”. */
  label: string;
  level: RegionLevel;
  deepPoverty: boolean;
}

export interface RegionPickerProps {
  id?: string;
  value?: string | null;
  onChange?: (code: string | undefined, info?: RegionInfo) => void;
  /** The lowest level that may be chosen (5 = village). */
  maxLevel?: RegionLevel;
  /** Only the deepest level may be chosen (e.g. a village); otherwise any level. */
  leafOnly?: boolean;
  placeholder?: string;
  disabled?: boolean;
  status?: '' | 'error' | 'warning';
}

/**
 * Chooses an administrative region: a cascade province → city → county → township → village whose lists are loaded
 * lazily from /api/regions/:code/children, and a search box (/api/regions/search) to jump to a place by name.
 */
export function RegionPicker({ id, value, onChange, maxLevel = 5, leafOnly = false, placeholder, disabled, status }: RegionPickerProps) {
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [pathCodes, setPathCodes] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [hits, setHits] = useState<RegionHit[]>([]);
  const [searching, setSearching] = useState(false);
  const index = useRef(new Map<string, RegionOption>());
  const rootLoaded = useRef<Promise<void> | null>(null);
  const currentPath = useRef<string[]>([]);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const searchSeq = useRef(0);

  const toOption = useCallback(
    (c: RegionChild): RegionOption => ({
      value: c.code,
      label: c.deepPoverty && c.level === 3 ? `${c.name}（深度贫困县）` : c.name,
      level: c.level,
      deepPoverty: c.deepPoverty,
      isLeaf: !c.hasChildren || c.level >= maxLevel,
    }),
    [maxLevel],
  );

  const loadChildrenOf = useCallback(
    async (code: string | null): Promise<void> => {
      const items = await fetchChildren(code);
      const opts = items.map(toOption);
      for (const o of opts) index.current.set(o.value, o);
      if (code === null) setOptions(opts);
      else {
        const parent = index.current.get(code);
        if (parent) parent.children = opts;
        setOptions((prev) => [...prev]);
      }
    },
    [toOption],
  );

  const ensureRoot = useCallback(() => {
    if (!rootLoaded.current) {
      rootLoaded.current = loadChildrenOf(null).catch((e: unknown) => {
        rootLoaded.current = null;
        setLoadError(errorMessage(e));
      });
    }
    return rootLoaded.current;
  }, [loadChildrenOf]);

  useEffect(() => {
    void ensureRoot();
  }, [ensureRoot]);

  /** Loads the lists along a region's path, so the cascade can show it; returns the region's details. */
  const ensurePath = useCallback(
    async (code: string) => {
      const detail = await fetchRegion(code);
      await ensureRoot();
      const codes = detail.path.map((p) => p.code);
      for (let i = 0; i < codes.length - 1; i++) {
        const c = codes[i];
        if (c === undefined) continue;
        const opt = index.current.get(c);
        if (opt && !opt.children) await loadChildrenOf(c);
      }
      currentPath.current = codes;
      setPathCodes(codes);
      return detail;
    },
    [ensureRoot, loadChildrenOf],
  );

  useEffect(() => {
    if (!value) {
      if (currentPath.current.length > 0) {
        currentPath.current = [];
        setPathCodes([]);
      }
      return;
    }
    if (currentPath.current[currentPath.current.length - 1] === value) return;
    ensurePath(value).catch((e: unknown) => setLoadError(errorMessage(e)));
  }, [value, ensurePath]);

  const onCascade = (codes: string[] | undefined, selected: RegionOption[] | undefined) => {
    const list = codes ?? [];
    currentPath.current = list;
    setPathCodes(list);
    const last = selected?.[selected.length - 1];
    if (!last) {
      onChange?.(undefined);
      return;
    }
    onChange?.(last.value, {
      code: last.value,
      label: (selected ?? []).map((o) => o.label.replace('（深度贫困县）', '')).join('/'),
      level: last.level,
      deepPoverty: last.deepPoverty,
    });
  };

  const onSearch = (q: string) => {
    clearTimeout(searchTimer.current);
    const text = q.trim();
    if (!text) {
      setHits([]);
      return;
    }
    searchTimer.current = setTimeout(() => {
      const seq = ++searchSeq.current;
      setSearching(true);
      searchRegions(text, { level: maxLevel })
        .then((items) => {
          if (seq === searchSeq.current) setHits(items.filter((h) => h.level <= maxLevel));
        })
        .catch(() => {
          if (seq === searchSeq.current) setHits([]);
        })
        .finally(() => {
          if (seq === searchSeq.current) setSearching(false);
        });
    }, 250);
  };

  useEffect(() => () => clearTimeout(searchTimer.current), []);

  const onPickHit = (code: string) => {
    ensurePath(code)
      .then((detail) => {
        onChange?.(detail.code, {
          code: detail.code,
          label: detail.path.map((p) => p.name).join('/'),
          level: detail.level,
          deepPoverty: detail.deepPoverty,
        });
      })
      .catch((e: unknown) => setLoadError(errorMessage(e)));
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <Space.Compact style={{ width: '100%' }}>
        <Cascader<RegionOption>
          id={id}
          aria-label={id ? undefined : '行政区划（逐级选择）'}
          options={options}
          value={pathCodes}
          loadData={(selected) => {
            const target = selected[selected.length - 1];
            if (!target || target.children) return;
            loadChildrenOf(target.value).catch((e: unknown) => setLoadError(errorMessage(e)));
          }}
          onChange={(codes, selected) => onCascade(codes as string[] | undefined, selected as RegionOption[] | undefined)}
          changeOnSelect={!leafOnly}
          placeholder={placeholder ?? '逐级选择：省 / 市 / 县 / 乡镇 / 村'}
          disabled={disabled}
          status={status}
          style={{ width: '60%' }}
          allowClear
        />
        <Select<string>
          aria-label="搜索行政区划"
          showSearch={{ filterOption: false, onSearch }}
          value={null}
          placeholder="或输入地名搜索"
          notFoundContent={searching ? '搜索中…' : '输入乡镇、村名称搜索'}
          options={hits
            .filter((h) => !leafOnly || h.level === maxLevel)
            .map((h) => ({ value: h.code, label: `${h.fullName}（${LEVEL_NAMES[h.level]}）` }))}
          onChange={(code) => code && onPickHit(code)}
          disabled={disabled}
          style={{ width: '40%' }}
          popupMatchSelectWidth={420}
        />
      </Space.Compact>
      {loadError && <Typography.Text type="danger">行政区划加载失败：{loadError}</Typography.Text>}
    </Space>
  );
}
