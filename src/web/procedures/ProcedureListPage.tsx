/** 程序办理: the procedures in the user's region, filtered by kind, state and region, in pages. */
import { UserAddOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../app/ErrorResult';
import { isAdmin, useMe } from '../shared/session';
import { RegionPicker } from '../shared/RegionPicker';
import { pagerOf, usePageParams } from '../shared/tables';
import { KIND_LABELS, PROCEDURE_KINDS, STATE_LABELS, useProcedures, type ProcedureFilters, type ProcedureState } from './api';
import { ProceduresTable } from './ProceduresTable';
import { FilterButtons } from '../shared/FilterButtons';

const STATES = Object.keys(STATE_LABELS) as ProcedureState[];

function filtersOf(p: URLSearchParams): ProcedureFilters {
  return { kind: p.get('kind') ?? undefined, state: p.get('state') ?? undefined, region: p.get('region') ?? undefined };
}

export function ProcedureListPage() {
  const { params, setParams, page, setPage } = usePageParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const list = useProcedures(filters, page.current, page.size);
  const mayStart = isAdmin(useMe().data);

  const apply = (v: ProcedureFilters) => {
    const next = new URLSearchParams();
    for (const [k, val] of Object.entries(v)) if (val) next.set(k, String(val));
    if (page.size !== 20) next.set('pageSize', String(page.size));
    setParams(next);
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          程序办理
        </Typography.Title>
        {mayStart && (
          <Link to="/procedures/new-identification">
            <Button type="primary" icon={<UserAddOutlined />}>
              新识别贫困户申请
            </Button>
          </Link>
        )}
      </Space>
      <Typography.Paragraph type="secondary">
        贫困户识别、脱贫、清退、稳定脱贫标注、返贫和贫困村出列，均须按规定程序逐步办理，每一步记录办理人、时间、结果和佐证材料。脱贫、清退、返贫等程序从贫困户的扶贫手册页面启动，出列程序从村页面启动。
      </Typography.Paragraph>

      <Form<ProcedureFilters>
        key={params.toString()}
        name="procedure-filters"
        layout="vertical"
        initialValues={filters}
        onFinish={apply}
        style={{ background: '#fafafa', padding: '12px 16px 0', borderRadius: 6, marginBottom: 16 }}
      >
        <Row gutter={12}>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label="程序种类" name="kind">
              <Select allowClear placeholder="全部" options={PROCEDURE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label="办理状态" name="state">
              <Select allowClear placeholder="全部" options={STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={10}>
            <Form.Item label="地区" name="region">
              <RegionPicker placeholder="全部（管辖范围内）" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={6}>
            <Form.Item label=" ">
              <FilterButtons onReset={() => setParams(new URLSearchParams())} />
            </Form.Item>
          </Col>
        </Row>
      </Form>

      {list.isError && <ErrorResult error={list.error} onRetry={() => void list.refetch()} />}
      <ProceduresTable
        testId="procedure-list"
        rows={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={pagerOf(list, page, setPage, '件')}
      />
    </>
  );
}
