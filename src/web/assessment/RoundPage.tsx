/**
 * 考核轮次: the score grid (units × indicators for one method: a grade, points, a value for the median method, or done
 * with its grade), each unit's facts and adjustments, and 计算结果 — per unit the grade, composite, rank and the
 * explanation of every rule that decided it, the grade distribution and the lists that follow (谈话提醒 …).
 */
import { CalculatorOutlined, DownloadOutlined, LockOutlined, SaveOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, InputNumber, Popconfirm, Row, Select, Space, Spin, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { citeShort } from '../../domain/shared/sources';
import { ApiError, errorMessage, type FieldError } from '../app/api';
import { EChart, type EChartOption } from '../app/EChart';
import { ErrorResult } from '../app/ErrorResult';
import {
  ROUND_STATE_LABELS,
  UNIT_KIND_LABELS,
  useCloseRound,
  useResults,
  useRound,
  useSaveScores,
  useSaveUnit,
  useUploadGrid,
  useFillFromSystem,
  gridXlsxUrl,
  resultsXlsxUrl,
  type Entry,
  type GridEntry,
  type Indicator,
  type Results,
  type Round,
  type RoundUnit,
} from './api';
import { scoringText } from './words';

const GRADE_COLORS: Record<string, string> = { 好: 'green', 较好: 'blue', 一般: 'orange', 较差: 'red', 差: 'red' };
const cellKey = (unitKey: string, methodKey: string, indicatorKey: string) => `${unitKey}|${methodKey}|${indicatorKey}`;

export function GradeTag({ grade }: { grade: string }) {
  return <Tag color={GRADE_COLORS[grade] ?? 'default'}>{grade}</Tag>;
}

function FieldErrors({ fields }: { fields: FieldError[] }) {
  if (!fields.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={`有 ${fields.length} 处录入不符合方案，均未保存`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {fields.slice(0, 50).map((f, i) => (
            <li key={i}>
              {f.label}：{f.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** One cell of the grid, as its indicator is scored. */
function Cell({ indicator, scale, value, disabled, onChange }: { indicator: Indicator; scale: readonly string[]; value: Entry | undefined | null; disabled: boolean; onChange: (e: Entry | null) => void }) {
  const s = indicator.scoring;
  if (s.kind === 'grade')
    return (
      <Select
        size="small"
        style={{ width: 84 }}
        allowClear
        disabled={disabled}
        placeholder="等次"
        value={value && 'grade' in value ? value.grade : undefined}
        options={scale.map((g) => ({ value: g, label: g }))}
        onChange={(g?: string) => onChange(g ? { grade: g } : null)}
      />
    );
  if (s.kind === 'points' || s.kind === 'median') {
    const n = value && 'points' in value ? value.points : value && 'value' in value ? value.value : null;
    return (
      <InputNumber
        size="small"
        style={{ width: 96 }}
        disabled={disabled}
        min={s.kind === 'points' ? 0 : undefined}
        max={s.kind === 'points' ? s.max : undefined}
        placeholder={s.kind === 'points' ? `0–${s.max}` : (s.unit ?? '数值')}
        value={n}
        onChange={(v) => onChange(v === null || v === undefined ? null : s.kind === 'points' ? { points: Number(v) } : { value: Number(v) })}
      />
    );
  }
  const done = value && 'done' in value ? value.done : undefined;
  return (
    <Space size={4}>
      <Checkbox disabled={disabled} checked={done === true} indeterminate={done === undefined} onChange={(e) => onChange({ done: e.target.checked, ...(e.target.checked ? { grade: s.doneGrades[0] } : {}) })}>
        完成
      </Checkbox>
      {done === true && s.doneGrades.length > 1 && (
        <Select
          size="small"
          style={{ width: 76 }}
          disabled={disabled}
          value={value && 'grade' in value ? value.grade : s.doneGrades[0]}
          options={s.doneGrades.map((g) => ({ value: g, label: g }))}
          onChange={(g: string) => onChange({ done: true, grade: g })}
        />
      )}
    </Space>
  );
}

function ScoreGrid({ round }: { round: Round }) {
  const scheme = round.scheme.scheme;
  const [methodKey, setMethodKey] = useState(scheme.methods[0]!.key);
  const [edits, setEdits] = useState<Record<string, Entry | null>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [fill, setFill] = useState<string>();
  const save = useSaveScores(round.id);
  const upload = useUploadGrid(round.id);
  const fromSystem = useFillFromSystem(round.id);
  const fileInput = useRef<HTMLInputElement>(null);
  const { message } = App.useApp();
  const closed = round.state !== 'open';
  const saved = useMemo(() => new Map(round.scores.map((s) => [cellKey(s.unitKey, s.methodKey, s.indicatorKey), s.entry])), [round.scores]);
  const valueOf = (k: string) => (k in edits ? edits[k] : saved.get(k));
  const method = scheme.methods.find((m) => m.key === methodKey)!;
  const all = scheme.contents.flatMap((c) => c.indicators);
  const filled = round.units.reduce((n, u) => n + all.filter((i) => valueOf(cellKey(u.unitKey, methodKey, i.key))).length, 0);

  const columns: ColumnsType<RoundUnit> = [
    { title: '考核对象', dataIndex: 'name', fixed: 'left', width: 130 },
    ...scheme.contents.map((c) => ({
      title: c.name,
      children: c.indicators.map((i) => ({
        key: i.key,
        width: i.scoring.kind === 'done' ? 170 : 120,
        title: (
          <Tooltip title={`${i.name}｜数据来源：${i.source}｜${scoringText(i.scoring, scheme.scale)}`}>
            <Typography.Text style={{ fontSize: 12 }} ellipsis>
              {i.name}
            </Typography.Text>
          </Tooltip>
        ),
        render: (_: unknown, u: RoundUnit) => {
          const k = cellKey(u.unitKey, methodKey, i.key);
          return (
            <div data-testid={`cell-${u.unitKey}-${i.key}`} aria-label={`${u.name}“${i.name}”（${method.label}）`} style={k in edits ? { background: '#fffbe6' } : undefined}>
              <Cell indicator={i} scale={scheme.scale} value={valueOf(k)} disabled={closed} onChange={(e) => setEdits((x) => ({ ...x, [k]: e }))} />
            </div>
          );
        },
      })),
    })),
  ];

  const submit = () => {
    const entries: GridEntry[] = Object.entries(edits).map(([k, entry]) => {
      const [unitKey, mk, indicatorKey] = k.split('|') as [string, string, string];
      return { unitKey, methodKey: mk, indicatorKey, entry };
    });
    save.mutate(entries, {
      onSuccess: (r) => {
        setEdits({});
        setErrors([]);
        message.success(`已保存 ${r.saved} 项评分${r.cleared ? `，清除 ${r.cleared} 项` : ''}`);
      },
      onError: (e) => {
        setErrors(e instanceof ApiError ? e.fields : []);
        message.error(errorMessage(e));
      },
    });
  };
  const fillBlanks = () => {
    if (!fill) return;
    const next = { ...edits };
    for (const u of round.units) for (const i of all) if (i.scoring.kind === 'grade' && !valueOf(cellKey(u.unitKey, methodKey, i.key))) next[cellKey(u.unitKey, methodKey, i.key)] = { grade: fill };
    setEdits(next);
  };
  const changes = Object.keys(edits).length;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>考核方式：</span>
        <Select
          aria-label="考核方式"
          style={{ width: 300 }}
          value={methodKey}
          onChange={setMethodKey}
          options={scheme.methods.map((m) => ({ value: m.key, label: `${m.label}（${m.weight}%）` }))}
        />
        <Typography.Text type="secondary">
          本考核方式已录入 {filled} / {round.units.length * all.length} 项
          {round.deadlines.methods?.[methodKey] ? `，截止日期 ${round.deadlines.methods[methodKey]}` : ''}
        </Typography.Text>
        {!closed && all.some((i) => i.scoring.kind === 'grade') && (
          <Space.Compact>
            <Select size="middle" style={{ width: 150 }} placeholder="空白等次填为" value={fill} onChange={setFill} options={scheme.scale.map((g) => ({ value: g, label: `空白等次填为${g}` }))} />
            <Button onClick={fillBlanks} disabled={!fill}>
              填入
            </Button>
          </Space.Compact>
        )}
      </Space>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={gridXlsxUrl(round.id)}>
          下载评分表（.xlsx）
        </Button>
        {!closed && all.some((i) => i.system) && (
          <Button
            loading={fromSystem.isPending}
            onClick={() =>
              fromSystem.mutate(undefined, {
                onSuccess: (r) => (setErrors([]), setEdits({}), message.success(`已从系统数据写入 ${r.saved} 项评分`)),
                onError: (err) => (setErrors(err instanceof ApiError ? err.fields : []), message.error(errorMessage(err))),
              })
            }
          >
            用系统数据填入
          </Button>
        )}
        {!closed && (
          <>
            <Button icon={<UploadOutlined />} loading={upload.isPending} onClick={() => fileInput.current?.click()}>
              上传评分表
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx"
              hidden
              aria-label="上传评分表文件"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                upload.mutate(file, {
                  onSuccess: (r) => (setErrors([]), setEdits({}), message.success(`已从评分表写入 ${r.saved} 项评分`)),
                  onError: (err) => (setErrors(err instanceof ApiError ? err.fields : []), message.error(errorMessage(err))),
                });
              }}
            />
          </>
        )}
      </Space>
      <FieldErrors fields={errors} />
      <Table rowKey="unitKey" size="small" bordered pagination={false} dataSource={round.units} columns={columns} scroll={{ x: 'max-content' }} />
      {!closed && (
        <Space>
          <Button type="primary" icon={<SaveOutlined />} onClick={submit} loading={save.isPending} disabled={changes === 0}>
            保存评分{changes ? `（${changes} 项修改）` : ''}
          </Button>
          <Button icon={<UndoOutlined />} onClick={() => (setEdits({}), setErrors([]))} disabled={changes === 0}>
            放弃修改
          </Button>
        </Space>
      )}
    </Space>
  );
}

function UnitRow({ round, unit }: { round: Round; unit: RoundUnit }) {
  const scheme = round.scheme.scheme;
  const [facts, setFacts] = useState(unit.facts);
  const [adjustments, setAdjustments] = useState(unit.adjustments);
  const save = useSaveUnit(round.id);
  const { message } = App.useApp();
  const closed = round.state !== 'open';
  return (
    <div data-testid={`unit-${unit.unitKey}`}>
    <Card size="small" title={`${unit.name}（${UNIT_KIND_LABELS[unit.kind as keyof typeof UNIT_KIND_LABELS] ?? unit.kind}）`}>
      <Space orientation="vertical">
        {scheme.facts.map((f) => (
          <Checkbox key={f.key} disabled={closed} checked={!!facts[f.key]} onChange={(e) => setFacts({ ...facts, [f.key]: e.target.checked })}>
            {f.label}
          </Checkbox>
        ))}
        {scheme.adjustments.map((a) => (
          <Space key={a.key}>
            <span>
              {a.label}（{a.sign > 0 ? '加' : '扣'}分，最多 {a.max} 分）：
            </span>
            <InputNumber size="small" min={0} max={a.max} disabled={closed} value={adjustments[a.key] ?? 0} onChange={(v) => setAdjustments({ ...adjustments, [a.key]: Number(v ?? 0) })} />
          </Space>
        ))}
        {!closed && (
          <Button
            size="small"
            loading={save.isPending}
            onClick={() =>
              save.mutate({ unitKey: unit.unitKey, facts, adjustments }, { onSuccess: () => message.success(`已保存${unit.name}的认定事项与加减分`), onError: (e) => message.error(errorMessage(e)) })
            }
          >
            保存
          </Button>
        )}
      </Space>
    </Card>
    </div>
  );
}

function UnitsPanel({ round }: { round: Round }) {
  const scheme = round.scheme.scheme;
  if (!scheme.facts.length && !scheme.adjustments.length) return <Empty description="本方案没有认定事项和加减分项" />;
  return (
    <Row gutter={[16, 16]}>
      {round.units.map((u) => (
        <Col key={u.unitKey} xs={24} lg={12}>
          <UnitRow round={round} unit={u} />
        </Col>
      ))}
    </Row>
  );
}

function distributionOption(r: Results): EChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: r.distribution.map((d) => d.grade) },
    yAxis: { type: 'value', minInterval: 1, name: '个' },
    series: [{ name: '考核对象', type: 'bar', barMaxWidth: 48, label: { show: true, position: 'top' }, data: r.distribution.map((d) => d.count) }],
  };
}

const BAR_COLORS = ['#2e7d32', '#66bb6a', '#f9a825', '#c62828'];

/** 排名: units by rank, bars of the score after adjustments, coloured by grade. */
function rankingOption(r: Results): EChartOption {
  const units = [...r.units].sort((a, b) => b.rank - a.rank);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '得分', max: 100 },
    yAxis: { type: 'category', data: units.map((u) => `${u.rank}. ${u.name}`) },
    series: [
      {
        name: '得分',
        type: 'bar',
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => `${units[p.dataIndex]!.adjusted.toFixed(2)} ${units[p.dataIndex]!.grade}` },
        data: units.map((u) => ({ value: u.adjusted, itemStyle: { color: BAR_COLORS[r.scale.indexOf(u.grade)] ?? '#999' } })),
      },
    ],
  } as EChartOption;
}

function ResultsPanel({ round }: { round: Round }) {
  const q = useResults(round.id, true);
  const option = useMemo(() => (q.data ? distributionOption(q.data) : undefined), [q.data]);
  const ranking = useMemo(() => (q.data?.complete ? rankingOption(q.data) : undefined), [q.data]);
  if (q.isLoading) return <Spin />;
  if (q.error || !q.data) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const r = q.data;
  if (!r.complete)
    return (
      <Alert
        type="warning"
        showIcon
        title={`评分尚未录入完整，缺 ${r.missingCount} 项，暂不能计算结果`}
        description={`如：${r.missing.slice(0, 10).join('、')}${r.missingCount > 10 ? ' 等' : ''}`}
      />
    );
  const scheme = round.scheme.scheme;
  const download = (
    <Button icon={<DownloadOutlined />} href={resultsXlsxUrl(round.id)}>
      导出考核结果（.xlsx）
    </Button>
  );
  const names = new Map(scheme.contents.flatMap((c) => c.indicators).map((i) => [i.key, i.name]));
  const rows = [...r.units].sort((a, b) => a.rank - b.rank);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {download}
      <div data-testid="results">
      <Table
        rowKey="unitKey"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 60 },
          { title: '考核对象', dataIndex: 'name', width: 120 },
          { title: '等次', dataIndex: 'grade', width: 80, render: (g: string) => <GradeTag grade={g} /> },
          { title: '综合得分', dataIndex: 'adjusted', width: 90, render: (v: number) => v.toFixed(2) },
          ...scheme.methods.map((m) => ({ title: `${m.label}（${m.weight}%）`, key: m.key, width: 110, render: (_: unknown, u: Results['units'][number]) => u.methods.find((x) => x.key === m.key)?.score })),
          {
            title: '说明',
            key: 'explanation',
            render: (_: unknown, u: Results['units'][number]) => (
              <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                {u.explanation.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ol>
            ),
          },
        ]}
        expandable={{
          expandedRowRender: (u) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Descriptions size="small" column={4} bordered>
                {Object.entries(u.contents).map(([c, g]) => (
                  <Descriptions.Item key={c} label={c}>
                    <GradeTag grade={g} />
                  </Descriptions.Item>
                ))}
              </Descriptions>
              <Table
                size="small"
                rowKey="indicator"
                pagination={false}
                dataSource={u.methods[0]?.indicators.map((i) => ({ indicator: i.indicator, rows: u.methods.map((m) => m.indicators.find((x) => x.indicator === i.indicator)!) }))}
                columns={[
                  { title: '考核指标', dataIndex: 'indicator', render: (k: string) => names.get(k) ?? k },
                  ...u.methods.map((m, n) => ({
                    title: m.label,
                    key: m.key,
                    render: (_: unknown, row: { rows: Array<{ grade: string; detail: string }> }) => (
                      <span>
                        <GradeTag grade={row.rows[n]!.grade} />
                        <Typography.Text type="secondary">{row.rows[n]!.detail}</Typography.Text>
                      </span>
                    ),
                  })),
                ]}
              />
            </Space>
          ),
        }}
      />
      </div>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title="等次分布">
            {option && <EChart option={option} height={260} ariaLabel="等次分布" />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="排名">
            {ranking && <EChart option={ranking} height={Math.max(200, r.units.length * 26 + 40)} ariaLabel="排名" />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="结果运用">
            {r.consequences.length === 0 && r.vetoes.length === 0 && <Typography.Text type="secondary">本方案未规定与等次挂钩的结果运用。</Typography.Text>}
            {r.consequences.map((c) => (
              <div key={c.action} style={{ marginBottom: 12 }}>
                <Typography.Text strong>{c.action}</Typography.Text>（{c.grades.join('、')}）：{c.units.length ? c.units.join('、') : '无'}
                <br />
                <Typography.Text type="secondary">{c.source}</Typography.Text>
              </div>
            ))}
            {r.vetoes.length > 0 && (
              <div>
                <Typography.Text strong>一票否决</Typography.Text>：{r.vetoes.map((v) => `${v.unit}（${v.input}）`).join('、')}
              </div>
            )}
          </Card>
        </Col>
      </Row>
      {r.system.length > 0 && (
        <Card size="small" title="系统数据（台账）与评优" data-testid="assessment-awards">
          <Table
            size="small"
            rowKey="unitKey"
            pagination={false}
            dataSource={r.system}
            columns={[
              { title: '单位', dataIndex: 'name' },
              { title: '类型', dataIndex: 'orgKind', width: 90 },
              { title: `${r.year} 年事项`, dataIndex: 'entries', width: 100, align: 'right' },
              { title: '帮扶资金、物资（万元）', width: 170, align: 'right', render: (_, x) => (x.fundsYuan / 10_000).toFixed(4) },
              { title: '委员参与率', width: 110, align: 'right', render: (_, x) => (x.participation.members ? `${(x.participation.rate * 100).toFixed(1)}%` : '—') },
              {
                title: `评优（${citeShort('anhua2018')}）`,
                render: (_, x) => {
                  const a = r.awards.find((w) => w.unitKey === x.unitKey);
                  return a ? <Tag color={a.awarded ? 'green' : 'default'}>{a.reason}</Tag> : <Typography.Text type="secondary">不适用</Typography.Text>;
                },
              },
            ]}
          />
        </Card>
      )}
      {r.regions.length > 0 && (
        <Card size="small" title={`系统数据（建档立卡、数据质量，截至 ${r.year} 年底）`} data-testid="assessment-regions">
          <Table
            size="small"
            rowKey="unitKey"
            pagination={false}
            dataSource={r.regions}
            columns={[
              { title: '考核对象', dataIndex: 'name' },
              { title: `${r.year} 年脱贫户数`, dataIndex: 'exitedHouseholds', align: 'right' },
              { title: `${r.year} 年脱贫人数`, dataIndex: 'exitedPersons', align: 'right' },
              { title: '剩余贫困人口', dataIndex: 'poorPersons', align: 'right' },
              { title: '贫困发生率', align: 'right', render: (_, x) => (x.incidence === null ? '—（缺公安认定人口）' : `${(x.incidence * 100).toFixed(2)}%`) },
              { title: '数据质量问题（最近一次检查）', align: 'right', render: (_, x) => x.qualityFindings ?? '未检查' },
            ]}
          />
        </Card>
      )}
      {Object.keys(r.gradeDescriptions).length > 0 && (
        <Card size="small" title="等次评价标准">
          <Descriptions size="small" column={1} bordered>
            {Object.entries(r.gradeDescriptions).map(([g, d]) => (
              <Descriptions.Item key={g} label={g}>
                {d}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}

export function RoundPage() {
  const id = Number(useParams().id);
  const q = useRound(Number.isInteger(id) ? id : undefined);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'grid';
  const close = useCloseRound(id);
  const { message } = App.useApp();
  if (q.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (q.error || !q.data) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const round = q.data;
  const open = round.state === 'open';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {round.name} <Tag color={open ? 'processing' : 'default'}>{ROUND_STATE_LABELS[round.state]}</Tag>
        </Typography.Title>
        {open && (
          <Popconfirm
            title="结束本轮考核？"
            description="结束后评分不能再修改，所用考核方案将被锁定。"
            okText="结束"
            cancelText="取消"
            onConfirm={() => close.mutate(round.version, { onSuccess: () => message.success('本轮考核已结束'), onError: (e) => message.error(errorMessage(e)) })}
          >
            <Button icon={<LockOutlined />} loading={close.isPending}>
              结束本轮考核
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label="考核方案">
          <Link to={`/assessment/schemes/${round.scheme.id}`}>{round.scheme.name}</Link>
        </Descriptions.Item>
        <Descriptions.Item label="考核年度">{round.year}</Descriptions.Item>
        <Descriptions.Item label="考核对象">{round.units.length} 个</Descriptions.Item>
        <Descriptions.Item label="考核方式">{round.scheme.scheme.methods.map((m) => `${m.label} ${m.weight}%`).join('、')}</Descriptions.Item>
        <Descriptions.Item label="自评截止">{round.deadlines.selfEvaluation ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="未录入">{round.missingCount} 项</Descriptions.Item>
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'grid', label: '评分录入', children: <ScoreGrid round={round} /> },
          { key: 'units', label: '认定事项与加减分', children: <UnitsPanel round={round} /> },
          { key: 'results', label: '计算结果', icon: <CalculatorOutlined />, children: <ResultsPanel round={round} /> },
        ]}
      />
    </Space>
  );
}
