/**
 * 待落实: households that keep a helper but have none today (seed 004: “确保每个贫困户至少有一名帮扶责任人”), and exited
 * households without a helper's visit in a half-year (“脱贫以后，每半年至少上门回访1次”), per region.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Col, Form, InputNumber, Row, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Page } from '../../contract/page';
import { halfOf } from '../../domain/shared/dates';
import { currentYear, todayIso } from '../app/format';
import { RegionPicker } from '../shared/RegionPicker';
import { STATUS_COLORS } from '../shared/households';
import { useMissingVisits, useWithoutHelper, type HouseholdRef, type MissingVisitRow } from './api';
import { PagedTable, usePageState } from '../shared/tables';
import { PairingNav } from './PairingNav';

const household = {
  title: '贫困户',
  render: (_: unknown, h: HouseholdRef) => (
    <Link to={`/registry/households/${h.householdId}`}>
      {h.villageName} · 户编号 {h.number}
      {h.head ? `（户主 ${h.head}）` : ''}
    </Link>
  ),
};
const status = { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{s}</Tag> };
const lastVisit = { title: '最近一次帮扶走访', dataIndex: 'lastVisit', width: 150, render: (v: string | null) => v ?? '从未走访' };

/** A page of households to follow up, 共 N 户. */
function GapTable<T extends HouseholdRef>(props: { testId: string; query: UseQueryResult<Page<T>>; paging: ReturnType<typeof usePageState>; columns: TableColumnsType<T>; empty: string }) {
  const { page, setPage } = props.paging;
  return <PagedTable<T> data-testid={props.testId} rowKey="householdId" query={props.query} page={page} onPage={setPage} unit="户" columns={props.columns} locale={{ emptyText: props.empty }} />;
}

function WithoutHelper({ region }: { region?: string }) {
  const paging = usePageState(10);
  const list = useWithoutHelper(region, paging.page.current, paging.page.size);
  return (
    <Card size="small" title="无帮扶责任人的户" style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary">未脱贫、返贫、已脱贫和稳定脱贫的户都应有帮扶责任人</Typography.Text>}>
      <GapTable<HouseholdRef> testId="without-helper" query={list} paging={paging} columns={[household, status]} empty="每户都已确定帮扶责任人" />
    </Card>
  );
}

function MissingVisits({ region }: { region?: string }) {
  const [half, setHalf] = useState<{ year?: number; half?: number }>({});
  const paging = usePageState(10);
  const list = useMissingVisits({ region, ...half }, paging.page.current, paging.page.size);
  return (
    <Card
      size="small"
      title={`半年内未上门回访的脱贫户${list.data ? `（${list.data.halfYear.label}）` : ''}`}
      extra={
        <Form layout="inline" name="visit-half-year" initialValues={{ year: currentYear(), half: halfOf(todayIso()) }} onValuesChange={(_, v: { year: number; half: number }) => setHalf(v)}>
          <Form.Item name="year" label="年度" style={{ marginBottom: 0 }}>
            <InputNumber min={2013} max={currentYear()} precision={0} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="half" style={{ marginBottom: 0 }}>
            <Select style={{ width: 100 }} options={[{ value: 1, label: '上半年' }, { value: 2, label: '下半年' }]} />
          </Form.Item>
        </Form>
      }
    >
      <Typography.Paragraph type="secondary">脱贫以后，每半年至少上门回访 1 次（只计帮扶走访，家庭医生签约走访另行记录）。</Typography.Paragraph>
      <GapTable<MissingVisitRow> testId="missing-visits" query={list} paging={paging} columns={[household, status, lastVisit]} empty="脱贫户均已回访" />
    </Card>
  );
}

export function GapsPage() {
  const [region, setRegion] = useState<string | undefined>(undefined);
  return (
    <>
      <PairingNav />
      <Typography.Title level={3}>待落实帮扶与回访</Typography.Title>
      <Row style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <RegionPicker value={region} onChange={(code) => setRegion(code)} placeholder="全部（管辖范围内）" />
        </Col>
      </Row>
      <WithoutHelper key={`h-${region ?? ''}`} region={region} />
      <MissingVisits key={`v-${region ?? ''}`} region={region} />
    </>
  );
}
