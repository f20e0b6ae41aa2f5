/** 政策享受 on a household's page: what the departments reported paying the household (issue 15). */
import { Alert, Card, Space, Tag, Typography } from 'antd';
import { ErrorResult } from '../app/ErrorResult';
import { ListTable } from '../shared/tables';
import { useHouseholdBenefits, yuanText, type BenefitItem } from './api';

export function HouseholdBenefitsCard({ householdId }: { householdId: number }) {
  const query = useHouseholdBenefits(householdId);
  const warnings = (query.data?.items ?? []).filter((i) => i.warning);
  return (
    <Card
      size="small"
      title="政策享受"
      style={{ marginBottom: 16 }}
      data-testid="household-benefits"
      extra={
        query.data?.years.length ? (
          <Space wrap size={4}>
            {query.data.years.map((y) => (
              <Typography.Text key={y.year} type="secondary">{`${y.year} 年 ${yuanText(y.total)}`}</Typography.Text>
            ))}
          </Space>
        ) : null
      }
    >
      {query.isError && <ErrorResult error={query.error} onRetry={() => void query.refetch()} />}
      {warnings.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`${warnings.length} 项为稳定脱贫户享受的增收类或发展类政策`} description={warnings[0]!.warning} />}
      <ListTable<BenefitItem>
        loading={query.isLoading}
        empty="尚无部门导入的政策享受数据"
        dataSource={query.data?.items ?? []}
        columns={[
          { title: '年度', dataIndex: 'year', width: 64 },
          { title: '政策', dataIndex: 'policy', render: (v: string, r) => (r.warning ? <Space size={4}>{v}<Tag color="orange">稳定脱贫户</Tag></Space> : v) },
          { title: '部门', dataIndex: 'department', width: 80 },
          { title: '享受人', dataIndex: 'name', width: 80 },
          { title: '期间', dataIndex: 'period', render: (v: string) => v || '—' },
          { title: '金额', dataIndex: 'amount', align: 'right', render: yuanText },
          { title: '计入收入', dataIndex: 'incomeItem' },
        ]}
      />
    </Card>
  );
}
