/**
 * 防返贫监测 (issue 15): the exited households of the region at risk this half-year — not visited, 两不愁三保障 not held,
 * or the latest income below the line — each with why. One column of cards on a phone (390 px), a table on a desk.
 */
import { Col, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { citeWords } from '../../domain/shared/sources';
import { RegionPicker } from '../shared/RegionPicker';
import { STATUS_COLORS } from '../shared/households';
import { PagedTable, usePageState } from '../shared/tables';
import { useReturnRisks, type ReturnRiskRow } from './api';

export const RETURN_RISK_BASIS = citeWords('maanshan2017', '脱贫人口脱贫以后，每半年至少上门回访1次……切实做好防范返贫');

export function ReturnRisksPage() {
  const [region, setRegion] = useState<string | undefined>(undefined);
  const paging = usePageState(20);
  const list = useReturnRisks(region, paging.page.current, paging.page.size);
  return (
    <>
      <Typography.Title level={3}>防返贫监测{list.data ? `（${list.data.halfYear.label}）` : ''}</Typography.Title>
      <Typography.Paragraph type="secondary">{RETURN_RISK_BASIS}</Typography.Paragraph>
      <Row style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <RegionPicker value={region} onChange={(code) => setRegion(code)} placeholder="全部（管辖范围内）" />
        </Col>
      </Row>
      <PagedTable<ReturnRiskRow>
        data-testid="return-risks"
        rowKey="householdId"
        query={list}
        page={paging.page}
        onPage={paging.setPage}
        unit="户"
        locale={{ emptyText: '没有返贫风险的脱贫户' }}
        columns={[
          {
            title: '脱贫户',
            key: 'household',
            render: (_: unknown, h) => (
              <Link to={`/registry/households/${h.householdId}`}>
                {h.villageName} · {h.number}
                {h.head ? `（${h.head}）` : ''}
              </Link>
            ),
          },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{s}</Tag> },
          {
            title: '风险',
            key: 'risks',
            render: (_: unknown, h) => (
              <div style={{ whiteSpace: 'normal', maxWidth: 420 }}>
                {h.risks.map((r) => (
                  <div key={r.key}>
                    <Tag color="red">{r.label}</Tag>
                    <Typography.Text type="secondary">{r.reason}</Typography.Text>
                  </div>
                ))}
              </div>
            ),
          },
        ]}
      />
    </>
  );
}
