/**
 * 修改方案: the editor of a scheme copy (issue 5: “Administrators can copy and edit a scheme; a scheme used by a closed
 * round cannot change”). It edits name and year, the methods and their weights (a live sum that must be 100%), the grade
 * thresholds and grade points, each indicator (name, 数据来源, scoring and its parameters, 取系统数据 for median
 * indicators), contents and indicators added or removed, and the adjustments' maxima. The draft is checked before it
 * is sent with the checks the server applies (the endpoint's schema, then the domain's `storedSchemeProblems`:
 * scheme-draft.ts); the server answers 400 with field errors, or 409 when the copy became locked or someone else saved
 * first. Problems are listed above the form and marked on their fields.
 */
import { DeleteOutlined, PlusOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Input, InputNumber, Popconfirm, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { storedSchemeProblems } from '../../domain/assessment/scheme';
import { ApiError, errorMessage, type FieldError } from '../app/api';
import { FormErrorList } from '../shared/FormErrorList';
import { useScheme, useUpdateScheme, type Content, type Indicator, type Scheme, type SchemeView } from './api';
import { IndicatorEditor, LabelledCell, PointsInput, type Invalid } from './IndicatorEditor';
import { draftProblems, freshKey, fromServer, num, shown } from './scheme-draft';

type Conflict = { kind: 'stale' | 'locked'; message: string };

/** What the user can do about a refused save, by why it was refused. */
const CONFLICT_HINTS: Record<Conflict['kind'], string> = {
  stale: '他人在您之后保存了这个方案。重新载入会显示最新的方案，您本次的修改将被放弃，需要重新填写。',
  locked: '系统内置方案和已被已结束的考核轮次使用的方案不能修改，以免改变已公布的考核结果。如需调整，请回到方案页复制本方案，再修改新的副本。',
};

export function SchemeEditor({ view, onClose, onSaved }: { view: SchemeView; onClose: () => void; onSaved: (saved: SchemeView) => void }) {
  const [base, setBase] = useState(view);
  const [draft, setDraft] = useState<Scheme>(() => structuredClone(view.scheme));
  /** Problems at places of the draft (`methods.0.weight`; '' for the whole scheme): listed above, and on their fields. */
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const update = useUpdateScheme();
  const fresh = useScheme(view.id);
  const { message } = App.useApp();
  const scale = draft.scale;
  const dirty = JSON.stringify(draft) !== JSON.stringify(base.scheme);
  /** A field's status: in error when a problem is at it or inside it (`contents.0` holds `contents.0.name`). */
  const invalid: Invalid = (field) => (problems.some((p) => p.field === field || p.field.startsWith(`${field}.`)) ? 'error' : undefined);

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
  // The thresholds' order as the domain checks it (storedSchemeProblems), shown while they are typed.
  const thresholdsProblem = storedSchemeProblems(draft).find((p) => p.field === 'scheme.gradeThresholds');

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
          else if (e instanceof ApiError && e.fields.length) setProblems(e.fields.map(fromServer(draft)));
          else setProblems([{ field: '', label: '考核方案', message: errorMessage(e) }]);
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

      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={conflict.message}
          description={CONFLICT_HINTS[conflict.kind]}
          action={
            conflict.kind === 'stale' ? (
              <Button icon={<ReloadOutlined />} loading={fresh.isFetching} onClick={() => void reload()}>
                重新载入
              </Button>
            ) : (
              <Button onClick={onClose}>返回方案页</Button>
            )
          }
          data-testid="scheme-conflict"
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="方案未保存，请修改以下问题："
          description={
            <FormErrorList errors={problems} />
          }
          data-testid="scheme-problems"
        />
      )}

      <Card size="small" title="基本信息">
        <Row gutter={16}>
          <LabelledCell span={16} label="方案名称">
            <Input aria-label="方案名称" status={invalid('name')} value={draft.name} maxLength={200} onChange={(e) => edit((d) => void (d.name = e.target.value))} />
          </LabelledCell>
          <LabelledCell span={8} label="考核年度">
            <InputNumber aria-label="考核年度" status={invalid('year')} value={shown(draft.year)} min={2000} max={2100} precision={0} style={{ width: '100%' }} onChange={(v) => edit((d) => void (d.year = num(v)))} />
          </LabelledCell>
        </Row>
      </Card>

      <Card size="small" title="考核方式与权重">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {draft.methods.map((m, i) => (
            <Row key={m.key} gutter={16} align="middle">
              <Col span={12}>
                <Input aria-label={`第 ${i + 1} 个考核方式名称`} status={invalid(`methods.${i}.label`)} value={m.label} onChange={(e) => edit((d) => void (d.methods[i]!.label = e.target.value))} />
              </Col>
              <Col span={6}>
                <InputNumber
                  aria-label={`${m.label}权重`}
                  status={invalid(`methods.${i}.weight`)}
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
                  <PointsInput label={`${g}分数线`} status={invalid(`gradeThresholds.${i}`)} value={draft.gradeThresholds[i]} prefix="综合得分 ≥" onChange={(n) => edit((d) => void (d.gradeThresholds[i] = n))} />
                ) : (
                  <Typography.Text type="secondary">低于 {shown(draft.gradeThresholds[i - 1]) ?? '—'} 分</Typography.Text>
                )}
              </Col>
              <Col span={8}>
                <PointsInput label={`${g}折算分`} status={invalid(`gradePoints.${g}`)} value={draft.gradePoints[g]} prefix="折算" onChange={(n) => edit((d) => void (d.gradePoints[g] = n))} />
              </Col>
            </Row>
          ))}
          {thresholdsProblem && <Typography.Text type="danger">等次分数线{thresholdsProblem.message}</Typography.Text>}
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
                  status={invalid(`contents.${ci}.name`)}
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
                    invalid={(f) => invalid(`contents.${ci}.indicators.${ii}.${f}`)}
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
                  <PointsInput label={`${a.label}最多分值`} status={invalid(`adjustments.${i}.max`)} value={a.max} prefix="最多" onChange={(n) => edit((d) => void (d.adjustments[i]!.max = n))} />
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

