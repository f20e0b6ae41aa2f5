/** 认定事项与加减分: each unit's yes/no facts (完成全国和省目标要求, 一票否决事项 …) and points of adjustments. */
import { App, Button, Card, Checkbox, Col, Empty, InputNumber, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../app/api';
import { UNIT_KIND_LABELS, useSaveUnit, type Round, type RoundUnit } from './api';

function UnitRow({ round, unit }: { round: Round; unit: RoundUnit }) {
  const scheme = round.scheme.scheme;
  const [facts, setFacts] = useState(unit.facts);
  const [adjustments, setAdjustments] = useState(unit.adjustments);
  const save = useSaveUnit(round.id);
  const { message } = App.useApp();
  const closed = round.state !== 'open';
  /** The server's field errors by field (`adjustments.late_funds` …), shown on their fields. */
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const submit = () =>
    save.mutate(
      { unitKey: unit.unitKey, facts, adjustments },
      {
        onSuccess: () => (setErrors(new Map()), message.success(`已保存${unit.name}的认定事项与加减分`)),
        onError: (e) => (setErrors(new Map(e instanceof ApiError ? e.fields.map((f) => [f.field, f.message]) : [])), message.error(errorMessage(e))),
      },
    );
  return (
    <div data-testid={`unit-${unit.unitKey}`}>
      <Card size="small" title={`${unit.name}（${UNIT_KIND_LABELS[unit.kind]}）`}>
        <Space orientation="vertical">
          {scheme.facts.map((f) => (
            <Checkbox key={f.key} disabled={closed} checked={!!facts[f.key]} onChange={(e) => setFacts({ ...facts, [f.key]: e.target.checked })}>
              {f.label}
              {errors.has(`facts.${f.key}`) && <Typography.Text type="danger">（{errors.get(`facts.${f.key}`)}）</Typography.Text>}
            </Checkbox>
          ))}
          {scheme.adjustments.map((a) => (
            <Space key={a.key}>
              <span>
                {a.label}（{a.sign > 0 ? '加' : '扣'}分，最多 {a.max} 分）：
              </span>
              <InputNumber
                size="small"
                min={0}
                max={a.max}
                disabled={closed}
                status={errors.has(`adjustments.${a.key}`) ? 'error' : undefined}
                value={adjustments[a.key] ?? 0}
                onChange={(v) => setAdjustments({ ...adjustments, [a.key]: Number(v ?? 0) })}
              />
              {errors.has(`adjustments.${a.key}`) && <Typography.Text type="danger">{errors.get(`adjustments.${a.key}`)}</Typography.Text>}
            </Space>
          ))}
          {!closed && (
            <Button size="small" loading={save.isPending} onClick={submit}>
              保存
            </Button>
          )}
        </Space>
      </Card>
    </div>
  );
}

export function UnitsPanel({ round }: { round: Round }) {
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

