/**
 * One indicator of the scheme editor: its name and 数据来源, how it is scored and the scoring's parameters (满分, the
 * median method's unit, band edges and direction, 取系统数据; the grades of a done task).
 */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Input, InputNumber, Popconfirm, Row, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { DEFAULT_MEDIAN_BANDS } from '../../domain/assessment/engine';
import { SYSTEM_SOURCES, type SystemSource } from '../../domain/assessment/labels';
import type { Indicator, Scoring } from './api';
import { defaultScoring, num, SCORING_LABELS, shown, toPercent } from './scheme-draft';

const SYSTEM_OPTIONS = (Object.entries(SYSTEM_SOURCES) as Array<[SystemSource, string]>).map(([value, label]) => ({ value, label }));

/** Whether a place of the draft (relative to the part a component edits) has a problem: the field's status. */
export type Invalid = (field: string) => 'error' | undefined;

/** One control of the editor's grid: a column of `span` with the control's label above it. */
export function LabelledCell({ span, label, children }: { span: number; label: string; children: ReactNode }) {
  return (
    <Col span={span}>
      <div>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
          {label}
        </Typography.Text>
        {children}
      </div>
    </Col>
  );
}

/** A number of points (分) in the draft: none below 0, blank while unset or not a number, red when its place has a problem. */
export function PointsInput({ label, status, value, prefix, onChange }: { label: string; status: 'error' | undefined; value: number | undefined; prefix?: string; onChange: (points: number) => void }) {
  return <InputNumber aria-label={label} status={status} value={shown(value)} min={0} prefix={prefix} suffix="分" style={{ width: '100%' }} onChange={(v) => onChange(num(v))} />;
}

export function IndicatorEditor({
  indicator: ind,
  scale,
  invalid,
  onChange,
  onRemove,
}: {
  indicator: Indicator;
  scale: readonly string[];
  invalid: Invalid;
  onChange: (fn: (i: Indicator) => void) => void;
  onRemove: () => void;
}) {
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
        <LabelledCell span={11} label="考核指标">
          <Input.TextArea aria-label="考核指标" status={invalid('name')} value={ind.name} autoSize={{ minRows: 1, maxRows: 3 }} onChange={(e) => onChange((i) => void (i.name = e.target.value))} />
        </LabelledCell>
        <LabelledCell span={11} label="数据来源 / 具体说明">
          <Input.TextArea aria-label="数据来源" status={invalid('source')} value={ind.source} autoSize={{ minRows: 1, maxRows: 3 }} onChange={(e) => onChange((i) => void (i.source = e.target.value))} />
        </LabelledCell>
        <Col span={2} style={{ textAlign: 'right', paddingTop: 26 }}>
          <Popconfirm title={`删除指标“${ind.name || '未命名'}”？`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={onRemove}>
            <Button danger size="small" icon={<DeleteOutlined />} aria-label="删除指标" />
          </Popconfirm>
        </Col>
        <LabelledCell span={6} label="评价方法">
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
        </LabelledCell>
        {sc.kind === 'grade' && (
          <LabelledCell span={18} label="说明">
            <Typography.Text type="secondary">考核人员评定等次（{scale.join('、')}）</Typography.Text>
          </LabelledCell>
        )}
        {sc.kind === 'points' && (
          <LabelledCell span={6} label="满分">
            <PointsInput label="满分" status={invalid('scoring.max')} value={sc.max} onChange={(n) => onChange((i) => void (i.scoring.kind === 'points' && (i.scoring.max = n)))} />
          </LabelledCell>
        )}
        {sc.kind === 'median' && (
          <>
            <LabelledCell span={4} label="计量单位">
              <Input
                aria-label="计量单位"
                status={invalid('scoring.unit')}
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
            </LabelledCell>
            <LabelledCell span={8} label={`分档线（占中位数的比例，依次评为${scale.slice(0, 3).join('、')}）`}>
              <Space.Compact style={{ width: '100%' }}>
                {[0, 1, 2].map((k) => (
                  <InputNumber
                    key={k}
                    aria-label={`第 ${k + 1} 条分档线`}
                    status={invalid(`scoring.bands.edges.${k}`)}
                    value={edges[k] === undefined || Number.isNaN(edges[k]) ? null : toPercent(edges[k])}
                    min={0}
                    suffix="%"
                    style={{ width: '33.4%' }}
                    onChange={(v) => setEdge(k, typeof v === 'number' ? v / 100 : NaN)}
                  />
                ))}
              </Space.Compact>
            </LabelledCell>
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
            <LabelledCell span={12} label="取系统数据">
              <Select
                aria-label="取系统数据"
                status={invalid('system')}
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
            </LabelledCell>
          </>
        )}
        {sc.kind === 'done' && (
          <>
            <LabelledCell span={10} label="完成时可评等次">
              <Select
                aria-label="完成时可评等次"
                status={invalid('scoring.doneGrades')}
                mode="multiple"
                value={sc.doneGrades}
                style={{ width: '100%' }}
                options={scale.map((g) => ({ value: g, label: g }))}
                onChange={(v: string[]) => onChange((i) => void (i.scoring.kind === 'done' && (i.scoring.doneGrades = scale.filter((g) => v.includes(g)))))}
              />
            </LabelledCell>
            <LabelledCell span={8} label="未完成时评为">
              <Select
                aria-label="未完成时评为"
                status={invalid('scoring.notDoneGrade')}
                value={sc.notDoneGrade}
                style={{ width: '100%' }}
                options={scale.map((g) => ({ value: g, label: g }))}
                onChange={(v: string) => onChange((i) => void (i.scoring.kind === 'done' && (i.scoring.notDoneGrade = v)))}
              />
            </LabelledCell>
          </>
        )}
      </Row>
    </div>
  );
}
