/**
 * 修改方案: the editor of a scheme copy (issue 5: “Administrators can copy and edit a scheme; a scheme used by a closed
 * round cannot change”). It edits name and year, the methods and their weights (a live sum that must be 100%), the grade
 * thresholds and grade points, each indicator (name, 数据来源, scoring and its parameters, 取系统数据 for median
 * indicators), contents and indicators added or removed, and the adjustments' maxima. The server checks the whole scheme
 * (schemeProblems and more) and answers 400 with field errors, or 409 when the copy became locked or someone else saved
 * first; both are shown here.
 */
import { DeleteOutlined, PlusOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Input, InputNumber, Popconfirm, Row, Select, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError, errorMessage, type FieldError } from '../app/api';
import { DEFAULT_MEDIAN_BANDS, weightProblems } from '../../domain/assessment/engine';
import { SYSTEM_SOURCES, type Content, type Indicator, type SystemSource } from '../../domain/assessment/scheme';
import { useScheme, useUpdateScheme, type Scheme, type SchemeView, type Scoring } from './api';

const SCORING_LABELS: Record<Scoring['kind'], string> = {
  grade: '评定等次',
  points: '打分',
  median: '中位法（与中位数比较）',
  done: '完成情况',
};

const SYSTEM_OPTIONS = (Object.entries(SYSTEM_SOURCES) as Array<[SystemSource, string]>).map(([value, label]) => ({ value, label }));

/** An emptied number field is kept as NaN until it is filled again; saving refuses it. */
const num = (v: number | string | null) => (typeof v === 'number' ? v : NaN);
const shown = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);
/** Median band edges are ratios (0.8); they are edited as percentages (80). */
const toPercent = (r: number) => Math.round(r * 10000) / 100;

/** The parameters a scoring kind starts with when an indicator is switched to it. */
function defaultScoring(kind: Scoring['kind'], scale: readonly string[]): Scoring {
  switch (kind) {
    case 'grade':
      return { kind };
    case 'points':
      return { kind, max: 100 };
    case 'median':
      return { kind, bands: { edges: [...DEFAULT_MEDIAN_BANDS.edges] } };
    case 'done':
      return { kind, doneGrades: scale.slice(0, 1), notDoneGrade: scale[scale.length - 1] ?? '' };
  }
}

/** A key not yet used: `prefix_1`, `prefix_2`, … */
function freshKey(prefix: string, used: Set<string>): string {
  let n = 1;
  while (used.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

/**
 * What the form must hold before it is sent: the things the server's schema would refuse without a useful message
 * (blank names, emptied numbers, a content without indicators), and the weights by the domain's `weightProblems`. The
 * scheme's other rules (grade thresholds from high to low, system sources only on median indicators …) are the
 * server's to check.
 */
export function draftProblems(s: Scheme): string[] {
  const out: string[] = [];
  if (!s.name.trim()) out.push('方案名称：必填');
  if (!Number.isInteger(s.year)) out.push('考核年度：必填');
  s.methods.forEach((m, i) => {
    if (!m.label.trim()) out.push(`第 ${i + 1} 个考核方式：名称必填`);
    if (Number.isNaN(m.weight)) out.push(`考核方式“${m.label}”：权重必填`);
  });
  // The weights' rule is the domain's, the one the server applies (integers summing to 100 %).
  if (!s.methods.some((m) => Number.isNaN(m.weight))) out.push(...weightProblems(s.methods));
  s.scale.forEach((g, i) => {
    if (Number.isNaN(s.gradePoints[g] ?? NaN)) out.push(`等次“${g}”：折算分必填`);
    if (i < s.scale.length - 1 && Number.isNaN(s.gradeThresholds[i] ?? NaN)) out.push(`等次“${g}”：分数线必填`);
  });
  if (s.contents.length === 0) out.push('考核内容：至少应有 1 项');
  s.contents.forEach((c, ci) => {
    const where = c.name.trim() ? `考核内容“${c.name}”` : `第 ${ci + 1} 项考核内容`;
    if (!c.name.trim()) out.push(`${where}：名称必填`);
    if (c.indicators.length === 0) out.push(`${where}：至少应有 1 个指标`);
    c.indicators.forEach((ind, ii) => {
      const at = ind.name.trim() ? `指标“${ind.name}”` : `${where}的第 ${ii + 1} 个指标`;
      if (!ind.name.trim()) out.push(`${at}：名称必填`);
      const sc = ind.scoring;
      if (sc.kind === 'points' && !(sc.max > 0)) out.push(`${at}：满分应大于 0`);
      if (sc.kind === 'median' && (sc.bands?.edges ?? []).some((e) => Number.isNaN(e))) out.push(`${at}：分档线必填`);
      if (sc.kind === 'done' && sc.doneGrades.length === 0) out.push(`${at}：完成时的等次至少选 1 个`);
    });
  });
  for (const a of s.adjustments) if (!(a.max >= 0)) out.push(`${a.sign > 0 ? '加分' : '扣分'}“${a.label}”：最多分值应不小于 0`);
  return out;
}

type Conflict = { kind: 'stale' | 'locked'; message: string };

export function SchemeEditor({ view, onClose, onSaved }: { view: SchemeView; onClose: () => void; onSaved: (saved: SchemeView) => void }) {
  const [base, setBase] = useState(view);
  const [draft, setDraft] = useState<Scheme>(() => structuredClone(view.scheme));
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const update = useUpdateScheme();
  const fresh = useScheme(view.id);
  const { message } = App.useApp();
  const scale = draft.scale;
  const dirty = JSON.stringify(draft) !== JSON.stringify(base.scheme);

  /** Changes a copy of the draft (the scheme is small; a deep copy per keystroke is cheap and keeps updates simple). */
  const edit = (fn: (d: Scheme) => void) =>
    setDraft((d) => {
      const next = structuredClone(d);
      fn(next);
      return next;
    });
  const editIndicator = (ci: number, ii: number, fn: (i: Indicator) => void) =>
    edit((d) => {
      const ind = d.contents[ci]?.indicators[ii];
      if (ind) fn(ind);
    });
  const editContent = (ci: number, fn: (c: Content) => void) =>
    edit((d) => {
      const c = d.contents[ci];
      if (c) fn(c);
    });

  const weightSum = draft.methods.reduce((a, m) => a + (Number.isNaN(m.weight) ? 0 : m.weight), 0);
  const thresholdsDescending = draft.gradeThresholds.every((t, i) => i === 0 || t < (draft.gradeThresholds[i - 1] ?? Infinity));

  const save = () => {
    setConflict(null);
    const local = draftProblems(draft);
    setProblems(local);
    if (local.length) return;
    update.mutate(
      { id: base.id, scheme: draft, consequences: base.consequences, version: base.version },
      {
        onSuccess: (saved) => {
          void message.success(`已保存“${saved.name}”的修改`);
          onSaved(saved);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'STALE_VERSION') setConflict({ kind: 'stale', message: e.message });
          else if (e instanceof ApiError && e.status === 409) setConflict({ kind: 'locked', message: e.message });
          else if (e instanceof ApiError && e.fields.length) setProblems(e.fields.map((f: FieldError) => `${f.label}：${f.message}`));
          else setProblems([errorMessage(e)]);
          window.scrollTo({ top: 0, behavior: 'smooth' });
        },
      },
    );
  };

  /** Reads the scheme again and starts over from it (the stale answer: someone else saved first). */
  const reload = async () => {
    const r = await fresh.refetch();
    if (!r.data) {
      void message.error(errorMessage(r.error));
      return;
    }
    setBase(r.data);
    setDraft(structuredClone(r.data.scheme));
    setConflict(null);
    setProblems([]);
    if (r.data.locked || r.data.shipped) setConflict({ kind: 'locked', message: `“${r.data.name}”已被已结束的考核轮次使用，不能再修改` });
    else void message.info('已重新载入最新的方案');
  };

  const usedIndicatorKeys = () => new Set(draft.contents.flatMap((c) => c.indicators.map((i) => i.key)));
  const newIndicator = (used: Set<string>): Indicator => ({ key: freshKey('indicator', used), name: '', source: '', scoring: { kind: 'grade' } });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="scheme-editor">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          修改方案：{base.name}
        </Typography.Title>
        <Space>
          {dirty ? (
            <Popconfirm title="放弃本次修改？" okText="放弃" cancelText="继续修改" onConfirm={onClose}>
              <Button>取消</Button>
            </Popconfirm>
          ) : (
            <Button onClick={onClose}>取消</Button>
          )}
          <Button type="primary" icon={<SaveOutlined />} loading={update.isPending} disabled={conflict?.kind === 'locked'} onClick={save}>
            保存方案
          </Button>
        </Space>
      </Space>

      {conflict?.kind === 'stale' && (
        <Alert
          type="warning"
          showIcon
          title={conflict.message}
          description="他人在您之后保存了这个方案。重新载入会显示最新的方案，您本次的修改将被放弃，需要重新填写。"
          action={
            <Button icon={<ReloadOutlined />} loading={fresh.isFetching} onClick={() => void reload()}>
              重新载入
            </Button>
          }
          data-testid="scheme-conflict"
        />
      )}
      {conflict?.kind === 'locked' && (
        <Alert
          type="warning"
          showIcon
          title={conflict.message}
          description="系统内置方案和已被已结束的考核轮次使用的方案不能修改，以免改变已公布的考核结果。如需调整，请回到方案页复制本方案，再修改新的副本。"
          action={<Button onClick={onClose}>返回方案页</Button>}
          data-testid="scheme-conflict"
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="方案未保存，请修改以下问题："
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          data-testid="scheme-problems"
        />
      )}

      <Card size="small" title="基本信息">
        <Row gutter={16}>
          <Col span={16}>
            <Labelled label="方案名称">
              <Input aria-label="方案名称" value={draft.name} maxLength={200} onChange={(e) => edit((d) => void (d.name = e.target.value))} />
            </Labelled>
          </Col>
          <Col span={8}>
            <Labelled label="考核年度">
              <InputNumber aria-label="考核年度" value={shown(draft.year)} min={2000} max={2100} precision={0} style={{ width: '100%' }} onChange={(v) => edit((d) => void (d.year = num(v)))} />
            </Labelled>
          </Col>
        </Row>
      </Card>

      <Card size="small" title="考核方式与权重">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {draft.methods.map((m, i) => (
            <Row key={m.key} gutter={16} align="middle">
              <Col span={12}>
                <Input aria-label={`第 ${i + 1} 个考核方式名称`} value={m.label} onChange={(e) => edit((d) => void (d.methods[i]!.label = e.target.value))} />
              </Col>
              <Col span={6}>
                <InputNumber
                  aria-label={`${m.label}权重`}
                  data-testid={`weight-${m.key}`}
                  value={shown(m.weight)}
                  min={0}
                  max={100}
                  precision={0}
                  suffix="%"
                  style={{ width: '100%' }}
                  onChange={(v) => edit((d) => void (d.methods[i]!.weight = num(v)))}
                />
              </Col>
            </Row>
          ))}
          <Typography.Text type={weightSum === 100 ? 'success' : 'danger'} data-testid="weight-sum">
            合计 {weightSum}%{weightSum === 100 ? '' : '，各考核方式权重之和应为 100%'}
          </Typography.Text>
        </Space>
      </Card>

      <Card size="small" title="等次分数线与折算分">
        <Typography.Paragraph type="secondary">
          综合得分达到某等次的分数线即评为该等次（分数线从高到低，最后一个等次为最低分数线以下）；折算分是各指标等次换算为分数时所用的分值。
        </Typography.Paragraph>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {scale.map((g, i) => (
            <Row key={g} gutter={16} align="middle">
              <Col span={3}>
                <Typography.Text strong>{g}</Typography.Text>
              </Col>
              <Col span={9}>
                {i < scale.length - 1 ? (
                  <InputNumber
                    aria-label={`${g}分数线`}
                    value={shown(draft.gradeThresholds[i])}
                    min={0}
                    prefix="综合得分 ≥"
                    suffix="分"
                    style={{ width: '100%' }}
                    onChange={(v) => edit((d) => void (d.gradeThresholds[i] = num(v)))}
                  />
                ) : (
                  <Typography.Text type="secondary">低于 {shown(draft.gradeThresholds[i - 1]) ?? '—'} 分</Typography.Text>
                )}
              </Col>
              <Col span={8}>
                <InputNumber
                  aria-label={`${g}折算分`}
                  value={shown(draft.gradePoints[g])}
                  min={0}
                  prefix="折算"
                  suffix="分"
                  style={{ width: '100%' }}
                  onChange={(v) => edit((d) => void (d.gradePoints[g] = num(v)))}
                />
              </Col>
            </Row>
          ))}
          {!thresholdsDescending && <Typography.Text type="danger">等次分数线应从高到低排列</Typography.Text>}
        </Space>
      </Card>

      <Card
        size="small"
        title="考核内容与指标"
        extra={
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              edit((d) => {
                const used = new Set(d.contents.map((c) => c.key));
                d.contents.push({ key: freshKey('content', used), name: '', indicators: [newIndicator(usedIndicatorKeys())] });
              })
            }
          >
            添加考核内容
          </Button>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {draft.contents.map((c, ci) => (
            <Card
              key={c.key}
              size="small"
              type="inner"
              data-testid={`content-${c.key}`}
              title={
                <Input
                  aria-label="考核内容名称"
                  placeholder="考核内容名称"
                  value={c.name}
                  variant="borderless"
                  style={{ fontWeight: 600, paddingLeft: 0 }}
                  onChange={(e) => editContent(ci, (x) => void (x.name = e.target.value))}
                />
              }
              extra={
                <Popconfirm
                  title={`删除考核内容“${c.name || `第 ${ci + 1} 项`}”及其 ${c.indicators.length} 个指标？`}
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => edit((d) => void d.contents.splice(ci, 1))}
                >
                  <Button danger size="small" icon={<DeleteOutlined />}>
                    删除内容
                  </Button>
                </Popconfirm>
              }
            >
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                {c.indicators.map((ind, ii) => (
                  <IndicatorEditor
                    key={ind.key}
                    indicator={ind}
                    scale={scale}
                    onChange={(fn) => editIndicator(ci, ii, fn)}
                    onRemove={() => editContent(ci, (x) => void x.indicators.splice(ii, 1))}
                  />
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => editContent(ci, (x) => void x.indicators.push(newIndicator(usedIndicatorKeys())))}>
                  添加指标
                </Button>
              </Space>
            </Card>
          ))}
        </Space>
      </Card>

      {draft.adjustments.length > 0 && (
        <Card size="small" title="加分、扣分（最多分值）">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {draft.adjustments.map((a, i) => (
              <Row key={a.key} gutter={16} align="middle">
                <Col span={16}>
                  {a.sign > 0 ? '加分' : '扣分'}：{a.label}
                </Col>
                <Col span={8}>
                  <InputNumber
                    aria-label={`${a.label}最多分值`}
                    value={shown(a.max)}
                    min={0}
                    prefix="最多"
                    suffix="分"
                    style={{ width: '100%' }}
                    onChange={(v) => edit((d) => void (d.adjustments[i]!.max = num(v)))}
                  />
                </Col>
              </Row>
            ))}
          </Space>
        </Card>
      )}

      <Space>
        <Button type="primary" icon={<SaveOutlined />} loading={update.isPending} disabled={conflict?.kind === 'locked'} onClick={save}>
          保存方案
        </Button>
        <Button onClick={onClose}>取消</Button>
      </Space>
    </Space>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}

function IndicatorEditor({ indicator: ind, scale, onChange, onRemove }: { indicator: Indicator; scale: readonly string[]; onChange: (fn: (i: Indicator) => void) => void; onRemove: () => void }) {
  const sc = ind.scoring;
  const edges = sc.kind === 'median' ? (sc.bands?.edges ?? DEFAULT_MEDIAN_BANDS.edges) : [];
  const setEdge = (k: number, v: number) =>
    onChange((i) => {
      if (i.scoring.kind !== 'median') return;
      const next = [...(i.scoring.bands?.edges ?? DEFAULT_MEDIAN_BANDS.edges)];
      next[k] = v;
      i.scoring.bands = { ...i.scoring.bands, edges: next };
    });
  return (
    <div data-testid={`indicator-${ind.key}`} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12 }}>
      <Row gutter={[16, 8]}>
        <Col span={11}>
          <Labelled label="考核指标">
            <Input.TextArea aria-label="考核指标" value={ind.name} autoSize={{ minRows: 1, maxRows: 3 }} onChange={(e) => onChange((i) => void (i.name = e.target.value))} />
          </Labelled>
        </Col>
        <Col span={11}>
          <Labelled label="数据来源 / 具体说明">
            <Input.TextArea aria-label="数据来源" value={ind.source} autoSize={{ minRows: 1, maxRows: 3 }} onChange={(e) => onChange((i) => void (i.source = e.target.value))} />
          </Labelled>
        </Col>
        <Col span={2} style={{ textAlign: 'right', paddingTop: 26 }}>
          <Popconfirm title={`删除指标“${ind.name || '未命名'}”？`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={onRemove}>
            <Button danger size="small" icon={<DeleteOutlined />} aria-label="删除指标" />
          </Popconfirm>
        </Col>
        <Col span={6}>
          <Labelled label="评价方法">
            <Select
              aria-label="评价方法"
              data-testid={`scoring-${ind.key}`}
              value={sc.kind}
              style={{ width: '100%' }}
              options={(Object.keys(SCORING_LABELS) as Array<Scoring['kind']>).map((k) => ({ value: k, label: SCORING_LABELS[k] }))}
              onChange={(kind: Scoring['kind']) =>
                onChange((i) => {
                  if (i.scoring.kind === kind) return;
                  i.scoring = defaultScoring(kind, scale);
                  // Only median-graded indicators take values from the system.
                  if (kind !== 'median') delete i.system;
                })
              }
            />
          </Labelled>
        </Col>
        {sc.kind === 'grade' && (
          <Col span={18}>
            <Labelled label="说明">
              <Typography.Text type="secondary">考核人员评定等次（{scale.join('、')}）</Typography.Text>
            </Labelled>
          </Col>
        )}
        {sc.kind === 'points' && (
          <Col span={6}>
            <Labelled label="满分">
              <InputNumber
                aria-label="满分"
                value={shown(sc.max)}
                min={0}
                suffix="分"
                style={{ width: '100%' }}
                onChange={(v) => onChange((i) => void (i.scoring.kind === 'points' && (i.scoring.max = num(v))))}
              />
            </Labelled>
          </Col>
        )}
        {sc.kind === 'median' && (
          <>
            <Col span={4}>
              <Labelled label="计量单位">
                <Input
                  aria-label="计量单位"
                  value={sc.unit ?? ''}
                  placeholder="如：人、万元、%"
                  onChange={(e) =>
                    onChange((i) => {
                      if (i.scoring.kind !== 'median') return;
                      if (e.target.value) i.scoring.unit = e.target.value;
                      else delete i.scoring.unit;
                    })
                  }
                />
              </Labelled>
            </Col>
            <Col span={8}>
              <Labelled label={`分档线（占中位数的比例，依次评为${scale.slice(0, 3).join('、')}）`}>
                <Space.Compact style={{ width: '100%' }}>
                  {[0, 1, 2].map((k) => (
                    <InputNumber
                      key={k}
                      aria-label={`第 ${k + 1} 条分档线`}
                      value={edges[k] === undefined || Number.isNaN(edges[k]) ? null : toPercent(edges[k])}
                      min={0}
                      suffix="%"
                      style={{ width: '33.4%' }}
                      onChange={(v) => setEdge(k, typeof v === 'number' ? v / 100 : NaN)}
                    />
                  ))}
                </Space.Compact>
              </Labelled>
            </Col>
            <Col span={6} style={{ paddingTop: 26 }}>
              <Checkbox
                checked={sc.bands?.lowerIsBetter ?? false}
                onChange={(e) =>
                  onChange((i) => {
                    if (i.scoring.kind !== 'median') return;
                    const bands = { ...(i.scoring.bands ?? { edges: [...DEFAULT_MEDIAN_BANDS.edges] }) };
                    if (e.target.checked) bands.lowerIsBetter = true;
                    else delete bands.lowerIsBetter;
                    i.scoring.bands = bands;
                  })
                }
              >
                越小越好
              </Checkbox>
            </Col>
            <Col span={12}>
              <Labelled label="取系统数据">
                <Select
                  aria-label="取系统数据"
                  data-testid={`system-${ind.key}`}
                  allowClear
                  placeholder="不取系统数据（由考核人员填报数值）"
                  value={ind.system ?? null}
                  style={{ width: '100%' }}
                  options={SYSTEM_OPTIONS}
                  onChange={(v: SystemSource | null | undefined) =>
                    onChange((i) => {
                      if (v) i.system = v;
                      else delete i.system;
                    })
                  }
                />
              </Labelled>
            </Col>
          </>
        )}
        {sc.kind === 'done' && (
          <>
            <Col span={10}>
              <Labelled label="完成时可评等次">
                <Select
                  aria-label="完成时可评等次"
                  mode="multiple"
                  value={sc.doneGrades}
                  style={{ width: '100%' }}
                  options={scale.map((g) => ({ value: g, label: g }))}
                  onChange={(v: string[]) => onChange((i) => void (i.scoring.kind === 'done' && (i.scoring.doneGrades = scale.filter((g) => v.includes(g)))))}
                />
              </Labelled>
            </Col>
            <Col span={8}>
              <Labelled label="未完成时评为">
                <Select
                  aria-label="未完成时评为"
                  value={sc.notDoneGrade}
                  style={{ width: '100%' }}
                  options={scale.map((g) => ({ value: g, label: g }))}
                  onChange={(v: string) => onChange((i) => void (i.scoring.kind === 'done' && (i.scoring.notDoneGrade = v)))}
                />
              </Labelled>
            </Col>
          </>
        )}
      </Row>
    </div>
  );
}
