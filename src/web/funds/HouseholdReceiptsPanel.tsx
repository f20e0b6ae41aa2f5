/** 到户资金 on a household's 扶贫手册 page: what the 到户 projects paid to the household. */
import { Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../app/ErrorResult';
import { ListTable } from '../shared/tables';
import { useHouseholdReceipts, type HouseholdReceipts } from './api';
import { yuanText } from './view';

type Receipt = HouseholdReceipts['items'][number];

export function HouseholdReceiptsPanel({ householdId }: { householdId: number }) {
  const query = useHouseholdReceipts(householdId);
  return (
    <Card
      size="small"
      title="到户资金"
      style={{ marginBottom: 16 }}
      extra={query.data && <Typography.Text strong>{`合计 ${yuanText(query.data.total)}`}</Typography.Text>}
      data-testid="household-receipts"
    >
      {query.isError && <ErrorResult error={query.error} onRetry={() => void query.refetch()} />}
      <ListTable<Receipt>
        loading={query.isLoading}
        empty="没有到户资金"
        dataSource={query.data?.items ?? []}
        columns={[
          { title: '项目', dataIndex: 'projectName', render: (v: string, r) => <Link to={`/funds/projects/${r.projectId}`}>{v}</Link> },
          { title: '类别', dataIndex: 'reachLabel' },
          { title: '拨付日期', dataIndex: 'paidOn' },
          { title: '金额', dataIndex: 'amount', align: 'right', render: yuanText },
          { title: '用途', dataIndex: 'purpose' },
          { title: '资金', key: 'fund', render: (_, r) => `${r.fundYear} 年${r.sourceLabel}` },
        ]}
      />
    </Card>
  );
}
