/**
 * The tables of the pairing pages: a list the server answers a page at a time (`Page<T>`: the load error above, the
 * table with 共 N 户 and a page-size changer below), and a short list shown whole. Other features' lists have the same
 * shapes (compare, registry, quality).
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import { useState } from 'react';
import type { Page } from '../../contract/page';
import { ErrorResult } from '../app/ErrorResult';

export interface PageState {
  current: number;
  size: number;
}

/** The page shown, kept in the component (a list in a card or a modal, not in the address). */
export function usePageState(size = 20) {
  const [page, setPage] = useState<PageState>({ current: 1, size });
  return { page, setPage, toFirst: () => setPage((p) => ({ ...p, current: 1 })) };
}

type PagedTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'> & {
  query: UseQueryResult<Page<T>>;
  page: PageState;
  onPage: (page: PageState) => void;
  /** What the total counts: 户, 人, 条. */
  unit: string;
};

export function PagedTable<T extends object>({ query, page, onPage, unit, ...table }: PagedTableProps<T>) {
  return (
    <>
      {query.isError && <ErrorResult error={query.error} onRetry={() => void query.refetch()} />}
      <Table<T>
        size="small"
        bordered
        scroll={{ x: 'max-content' }}
        {...table}
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} ${unit}`,
          // A new page size starts again from the first page.
          onChange: (current, size) => onPage({ current: size !== page.size ? 1 : current, size }),
        }}
      />
    </>
  );
}

/** A short list shown whole (a household's helpers, a helper's households): small, bordered, no pages. */
export function ListTable<T extends { id: number }>({ empty, ...table }: Omit<TableProps<T>, 'rowKey' | 'locale'> & { empty: string }) {
  return <Table<T> size="small" bordered rowKey="id" pagination={false} {...table} locale={{ emptyText: empty }} />;
}
