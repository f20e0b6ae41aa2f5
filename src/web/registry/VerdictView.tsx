import { CheckCircleFilled, CloseCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import { VERDICT_SOURCE } from '../../domain/registry/verdict';
import { cite, type SourceKey } from '../../domain/shared/sources';
import type { Criterion, IncomeResult, Verdict } from './api';

/** ✓ / ✗ / ℹ for a criterion (null: shown for information, not deciding). */
export function Mark({ passed }: { passed: boolean | null }) {
  if (passed === null) return <InfoCircleFilled style={{ color: '#8c8c8c' }} aria-label="仅供参考" />;
  return passed ? (
    <span style={{ color: '#389e0d', fontWeight: 600 }} aria-label="符合">
      <CheckCircleFilled /> ✓
    </span>
  ) : (
    <span style={{ color: '#cf1322', fontWeight: 600 }} aria-label="不符合">
      <CloseCircleFilled /> ✗
    </span>
  );
}

/** One rule's verdict: the overall answer and, per criterion, whether it holds, why, and the document's words it applies. */
export function VerdictView({
  title,
  verdict,
  passText,
  failText,
  testId,
  source = VERDICT_SOURCE,
}: {
  title: string;
  verdict: Verdict;
  passText: string;
  failText: string;
  testId?: string;
  /** The document the criteria's 依据 quote. */
  source?: SourceKey;
}) {
  return (
    <div data-testid={testId} style={{ marginBottom: 16 }}>
      <Typography.Text strong style={{ marginRight: 8 }}>
        {title}
      </Typography.Text>
      <Tag color={verdict.passed ? 'green' : 'red'} data-testid={testId ? `${testId}-result` : undefined}>
        {verdict.passed ? passText : failText}
      </Tag>
      <Table<Criterion>
        size="small"
        bordered
        style={{ marginTop: 8 }}
        pagination={false}
        rowKey="key"
        dataSource={verdict.criteria}
        columns={[
          { title: '标准', dataIndex: 'label', width: 200 },
          { title: '结果', dataIndex: 'passed', width: 80, align: 'center', render: (v: boolean | null) => <Mark passed={v} /> },
          { title: '情况', dataIndex: 'reason' },
          {
            title: '依据',
            dataIndex: 'citation',
            width: '36%',
            render: (v: string) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {v}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        依据：{cite(source)}
      </Typography.Text>
    </div>
  );
}

/** How each income figure was computed (result.trace). */
export function IncomeTrace({ result, testId }: { result: IncomeResult; testId?: string }) {
  return (
    <Table
      data-testid={testId}
      size="small"
      bordered
      pagination={false}
      rowKey="label"
      dataSource={result.trace}
      columns={[
        { title: '项目', dataIndex: 'label', width: 140 },
        { title: '计算', dataIndex: 'formula' },
        {
          title: '结果（元）',
          dataIndex: 'value',
          width: 140,
          align: 'right',
          render: (v: number, row) => (
            <span>
              {v.toLocaleString('zh-CN')}
              {row.label === '因病、因学支出' && result.overspent && (
                <Tag color="red" style={{ marginLeft: 6, marginRight: 0 }}>
                  入不敷出
                </Tag>
              )}
            </span>
          ),
        },
      ]}
    />
  );
}

export const yesNo = (v: boolean | null | undefined) => (v ? '是' : '否');
