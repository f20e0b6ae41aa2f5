/**
 * 数据质量: the data-quality checks of a region (issue 4, seed 004 “切实提高全国扶贫开发信息系统中的数据质量”) — the
 * latest counts of every check, a run on demand, a bar chart of the counts, and each check's records page by page.
 * The region, the check opened and its page are kept in the URL.
 */
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Drawer, Empty, Form, Row, Spin, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { EChart, type EChartOption } from '../app/EChart';
import { RegionName } from '../shared/RegionName';
import { barText, barValue } from '../app/chart-data';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { formatDateTime } from '../app/format';
import { fetchRegion } from '../shared/regions';
import { RegionPicker } from '../shared/RegionPicker';
import { findingsExportUrl, TRIGGER_LABELS, useFindings, useLatestRun, useQualityChecks, useRunChecks, type CheckKey, type Finding, type QualityCheck } from './api';
import { PageHeader } from '../shared/PageHeader';

const RED = '#c62828';
const GREEN = '#2e7d32';
const DEFAULT_PAGE_SIZE = 20;

/** A check with its latest count (null before the first run). */
type CountRow = QualityCheck & { count: number | null };

function positiveInt(p: URLSearchParams, key: string): number | undefined {
  const v = p.get(key);
  return v && /^[1-9]\d*$/.test(v) ? Number(v) : undefined;
}

function countsOption(rows: CountRow[]): EChartOption {
  // Categories run bottom-up on a vertical axis: reversed, the first check is on top as in the table.
  const shown = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => barText(v) },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '条' },
    yAxis: { type: 'category', data: shown.map((r) => r.label), axisLabel: { width: 200, overflow: 'truncate' } },
    series: [
      {
        name: '发现',
        type: 'bar',
        barMaxWidth: 22,
        label: { show: true, position: 'right' },
        data: shown.map((r) => ({ value: barValue(r.count), itemStyle: { color: (r.count ?? 0) > 0 ? RED : GREEN } })),
      },
    ],
  };
}

function useRegionLabel(region: string | undefined) {
  return useQuery({
    queryKey: ['regions', 'detail', region],
    queryFn: () => fetchRegion(region!),
    enabled: !!region,
    staleTime: 5 * 60_000,
  }).data?.path.map((p) => p.name).join(' / ');
}

export function QualityPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const checks = useQualityChecks();
  const latest = useLatestRun(region);
  const run = useRunChecks();
  const regionLabel = useRegionLabel(region);

  const openKey = params.get('check') ?? undefined;
  const opened = checks.data?.find((c) => c.key === openKey);
  const page = positiveInt(params, 'page') ?? 1;
  const pageSize = positiveInt(params, 'pageSize') ?? DEFAULT_PAGE_SIZE;

  /** Changes some URL parameters (an undefined value removes one). */
  const update = (values: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(values)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const open = (key: CheckKey) => update({ check: key, page: undefined, pageSize: undefined });

  const r = latest.data;
  const rows: CountRow[] = useMemo(() => {
    if (r) return r.checks;
    return (checks.data ?? []).map((c) => ({ ...c, count: null }));
  }, [r, checks.data]);
  const option = useMemo(() => (r ? countsOption(rows) : null), [r, rows]);
  const total = r ? r.checks.reduce((a, c) => a + c.count, 0) : 0;

  const runNow = () =>
    run.mutate(region, {
      onSuccess: (done) => void message.success(`检查完成：共发现 ${done.checks.reduce((a, c) => a + c.count, 0)} 条问题记录`),
      onError: (e) => void message.error(errorMessage(e)),
    });

  return (
    <>
      <PageHeader
        title="数据质量检查"
        extra={
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={run.isPending} onClick={runNow} data-testid="quality-run-now">
            立即检查
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        按地区检查建档立卡数据是否准确：身份证号、致贫原因、劳动能力、脱贫条件与程序、帮扶责任人、回访和扶贫手册（三个一致）。系统每天自动检查一次，也可随时立即检查；各项计数供考核使用。点击一项查看发现的记录。
      </Typography.Paragraph>

      <Form layout="inline" style={{ background: '#fafafa', padding: 12, borderRadius: 6, marginBottom: 16 }}>
        <Form.Item label="地区" style={{ minWidth: 560, flex: 1 }}>
          <RegionPicker
            value={region ?? null}
            onChange={(code) => update({ region: code, page: undefined })}
            placeholder="逐级选择：省 / 市 / 县 / 乡镇 / 村（不选为管辖范围内全部）"
          />
        </Form.Item>
      </Form>

      {(latest.isError || checks.isError) && <ErrorResult error={latest.error ?? checks.error} onRetry={() => void Promise.all([latest.refetch(), checks.refetch()])} />}
      {(latest.isLoading || checks.isLoading) && <Spin style={{ display: 'block', margin: '60px auto' }} />}
      {!latest.isLoading && !latest.isError && (
        <Spin spinning={run.isPending} description="正在检查…">
          <Typography.Paragraph data-testid="quality-run" style={{ marginBottom: 12 }}>
            <Typography.Text strong>{region ? (regionLabel ?? region) : '管辖范围内全部地区'}</Typography.Text>
            {r ? (
              <>
                {' '}
                · 检查时间 <span data-testid="quality-run-time">{formatDateTime(r.finishedAt ?? r.startedAt)}</span>（{TRIGGER_LABELS[r.trigger] ?? r.trigger}）· 回访按{' '}
                <span data-testid="quality-half-year">{r.halfYear}</span> 计 · 共发现{' '}
                <Typography.Text type={total > 0 ? 'danger' : 'success'} strong>
                  {total}
                </Typography.Text>{' '}
                条
              </>
            ) : (
              <Typography.Text type="secondary"> · 尚未检查，请点击“立即检查”</Typography.Text>
            )}
          </Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} xl={13} style={{ marginBottom: 16 }}>
              <Card size="small" title="各项检查结果">
                <Table<CountRow>
                  data-testid="quality-counts"
                  size="small"
                  rowKey="key"
                  pagination={false}
                  dataSource={rows}
                  onRow={(row) => ({ onClick: () => open(row.key), style: { cursor: 'pointer' } })}
                  columns={[
                    {
                      title: '检查项',
                      dataIndex: 'label',
                      render: (label: string, row) => (
                        <>
                          <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={(e) => {
                              e.stopPropagation();
                              open(row.key);
                            }}>
                            {label}
                          </Button>
                          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                            {row.rule}
                          </Typography.Paragraph>
                        </>
                      ),
                    },
                    {
                      title: '发现（条）',
                      dataIndex: 'count',
                      align: 'right',
                      width: 100,
                      render: (n: number | null) =>
                        n === null ? (
                          <Typography.Text type="secondary">—</Typography.Text>
                        ) : (
                          <Typography.Text strong type={n > 0 ? 'danger' : 'success'} data-testid="quality-count">
                            {n}
                          </Typography.Text>
                        ),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={11} style={{ marginBottom: 16 }}>
              <Card size="small" title="问题记录数">
                {option ? <EChart option={option} ariaLabel="各项数据质量检查发现的记录数柱状图" height={420} /> : <Empty description="尚未检查" style={{ height: 200 }} />}
              </Card>
            </Col>
          </Row>
        </Spin>
      )}

      <Drawer
        open={!!opened}
        size="min(980px, 100vw)"
        title={opened?.label}
        extra={opened && <Tag color="blue">{region ? (regionLabel ?? region) : '管辖范围内全部'}</Tag>}
        onClose={() => update({ check: undefined, page: undefined, pageSize: undefined })}
        destroyOnHidden
      >
        {opened && <Findings check={opened} region={region} page={page} pageSize={pageSize} onPage={(p, size) => update({ page: String(size !== pageSize ? 1 : p), pageSize: String(size) })} />}
      </Drawer>
    </>
  );
}

function Findings(props: { check: QualityCheck; region: string | undefined; page: number; pageSize: number; onPage: (page: number, pageSize: number) => void }) {
  const { check, region, page, pageSize, onPage } = props;
  const list = useFindings(check.key, region, page, pageSize);
  return (
    <>
      <Row justify="space-between" align="top" gutter={8} wrap={false}>
        <Col flex="auto">
          <Typography.Paragraph type="secondary">检查规则：{check.rule}</Typography.Paragraph>
        </Col>
        <Col flex="none">
          <Button icon={<DownloadOutlined />} href={findingsExportUrl(check.key, region)} download disabled={!list.data?.total} data-testid="findings-export">
            导出全部
          </Button>
        </Col>
      </Row>
      {list.isError && <ErrorResult error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Finding>
        data-testid="quality-findings"
        size="small"
        bordered
        loading={list.isFetching}
        rowKey={(f) => `${f.householdId ?? 'h'}-${f.villageCode}-${f.number}-${f.name}-${f.idNumber}-${f.detail}`}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="未发现问题记录" /> }}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`, onChange: onPage }}
        columns={[
          { title: '村', dataIndex: 'villageCode', width: 130, render: (v: string) => (v ? <RegionName code={v} /> : '—') },
          { title: '户编号', dataIndex: 'number', width: 110, render: (v: string) => v || '—' },
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '身份证号', dataIndex: 'idNumber', width: 180, render: (v: string) => (v ? <span style={{ fontFamily: 'monospace' }}>{v}</span> : '—') },
          { title: '情况', dataIndex: 'detail' },
          {
            title: '贫困户',
            key: 'household',
            width: 110,
            render: (_, f) => (f.householdId !== null ? <Link to={`/registry/households/${f.householdId}`}>打开扶贫手册</Link> : '—'),
          },
        ]}
      />
    </>
  );
}
