/**
 * The tables of the list pages: a list the server answers a page at a time (`Page<T>`: the load error above, the
 * table with 共 N 户 and a page-size changer below), and a short list shown whole. The page shown lives either in the
 * component (`usePageState`: a list in a card, a drawer or a modal) or in the address (the page turns it into
 * `page`/`onPage`). On a phone a table keeps its columns' natural widths and scrolls sideways inside its own box (the
 * page never does; layout.css does the same for a bare antd Table), and the pager drops its page-size changer.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { Table, type TablePaginationConfig, type TableProps } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Page } from '../../contract/page';
import { ErrorResult } from '../app/ErrorResult';
import { usePhone } from './responsive';

export interface PageState {
  current: number;
  size: number;
}

/** The page shown, kept in the component (a list in a card or a modal, not in the address). */
export function usePageState(size = 20) {
  const [page, setPage] = useState<PageState>({ current: 1, size });
  return { page, setPage, toFirst: () => setPage((p) => ({ ...p, current: 1 })) };
}

function positiveInt(v: string | null): number | undefined {
  return v && /^[1-9]\d*$/.test(v) ? Number(v) : undefined;
}

/**
 * The page shown, kept in the address (`?page=2&pageSize=50`) beside the list page's filters: the address's params,
 * the page read from them, and a setter that keeps the filters.
 */
export function usePageParams(size = 20) {
  const [params, setParams] = useSearchParams();
  const page: PageState = { current: positiveInt(params.get('page')) ?? 1, size: positiveInt(params.get('pageSize')) ?? size };
  const setPage = (p: PageState) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p.current));
    next.set('pageSize', String(p.size));
    setParams(next);
  };
  return { params, setParams, page, setPage };
}

type PagedTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'> & {
  query: UseQueryResult<Page<T>>;
  page: PageState;
  onPage: (page: PageState) => void;
  /** What the total counts: 户, 人, 条. */
  unit: string;
};

/** The pager of a list answered a page at a time, for a table that is not a `PagedTable`. */
export function pagerOf(query: UseQueryResult<Page<unknown>>, page: PageState, onPage: (page: PageState) => void, unit: string): TablePaginationConfig {
  return {
    current: page.current,
    pageSize: page.size,
    total: query.data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (t) => `共 ${t.toLocaleString()} ${unit}`,
    // A new page size starts again from the first page.
    onChange: (current, size) => onPage({ current: size !== page.size ? 1 : current, size }),
  };
}

/** On a phone: a table as wide as its columns need, scrolling inside its own box. */
const PHONE_SCROLL = { x: 'max-content' } as const;

export function PagedTable<T extends object>({ query, page, onPage, unit, ...table }: PagedTableProps<T>) {
  const phone = usePhone();
  const pager = pagerOf(query, page, onPage, unit);
  return (
    <>
      {query.isError && <ErrorResult error={query.error} onRetry={() => void query.refetch()} />}
      <Table<T>
        size="small"
        {...table}
        scroll={table.scroll ?? (phone ? PHONE_SCROLL : undefined)}
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        pagination={phone ? { ...pager, showSizeChanger: false, size: 'small' } : pager}
      />
    </>
  );
}

/** A short list shown whole (a household's helpers, a helper's households): small, bordered, no pages. */
export function ListTable<T extends { id: number }>({ empty, ...table }: Omit<TableProps<T>, 'rowKey' | 'locale'> & { empty: string }) {
  const phone = usePhone();
  return <Table<T> size="small" bordered rowKey="id" pagination={false} {...table} scroll={table.scroll ?? (phone ? PHONE_SCROLL : undefined)} locale={{ emptyText: empty }} />;
}

/** A list query the server answers whole, as `{ items }`. */
export interface ItemsQuery<T> {
  data?: { items: T[] };
  isLoading: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** A list the server answers whole (`{ items }`): its load error above, the table loading until the first answer. */
export function ItemsTable<T extends object>({ query, ...table }: Omit<TableProps<T>, 'dataSource' | 'loading'> & { query: ItemsQuery<T> }) {
  return (
    <>
      {query.isError && <ErrorResult error={query.error} onRetry={() => void query.refetch()} />}
      <Table<T> {...table} loading={query.isLoading} dataSource={query.data?.items ?? []} />
    </>
  );
}
