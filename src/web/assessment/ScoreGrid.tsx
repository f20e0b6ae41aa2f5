/**
 * 评分录入: the score grid of a round for one method (units × indicators: a grade, points, a value for the median method,
 * or done with its grade). Each change is checked with the domain's `checkEntry` (the server's own check) before it is
 * sent; a refused entry, the page's or the server's, is shown on its cell and in the list above the grid.
 */
import { DownloadOutlined, SaveOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, InputNumber, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef, useState } from 'react';
import { checkEntry } from '../../domain/assessment/entry';
import { ApiError, errorMessage, type FieldError } from '../app/api';
import { gridXlsxUrl, useFillFromSystem, useSaveScores, useUploadGrid, type CellChange, type Entry, type Indicator, type Round, type RoundUnit } from './api';
import { scoringText } from './words';

const cellKey = (unitKey: string, methodKey: string, indicatorKey: string) => `${unitKey}|${methodKey}|${indicatorKey}`;

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

export function ScoreGrid({ round }: { round: Round }) {
  const scheme = round.scheme.scheme;
  const [methodKey, setMethodKey] = useState(scheme.methods[0]!.key);
  const [edits, setEdits] = useState<Record<string, Entry | null>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  /** The refused cells: the server's field errors `entries.N.…` name the N-th cell sent. */
  const [cellErrors, setCellErrors] = useState<Map<string, string>>(new Map());
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
          const refused = cellErrors.get(k);
          return (
            <Tooltip title={refused}>
              <div
                data-testid={`cell-${u.unitKey}-${i.key}`}
                aria-label={`${u.name}“${i.name}”（${method.label}）`}
                aria-invalid={refused ? true : undefined}
                style={{ ...(k in edits ? { background: '#fffbe6' } : {}), ...(refused ? { outline: '1px solid #ff4d4f' } : {}) }}
              >
                <Cell indicator={i} scale={scheme.scale} value={valueOf(k)} disabled={closed} onChange={(e) => setEdits((x) => ({ ...x, [k]: e }))} />
              </div>
            </Tooltip>
          );
        },
      })),
    })),
  ];

  /** Shows field errors in the list and, for those naming a cell sent (`entries.N.…`), on that cell. */
  const showErrors = (fields: FieldError[], sent: CellChange[] = []) => {
    setErrors(fields);
    const byCell = new Map<string, string>();
    for (const f of fields) {
      const n = /^entries\.(\d+)\./.exec(f.field)?.[1];
      const e = n === undefined ? undefined : sent[Number(n)];
      if (e) byCell.set(cellKey(e.unitKey, e.methodKey, e.indicatorKey), f.message);
    }
    setCellErrors(byCell);
  };

  const submit = () => {
    const entries: CellChange[] = Object.entries(edits).map(([k, entry]) => {
      const [unitKey, mk, indicatorKey] = k.split('|') as [string, string, string];
      return { unitKey, methodKey: mk, indicatorKey, entry };
    });
    // The server's check of each entry, applied before sending: one refused entry and nothing is sent.
    const byKey = new Map(all.map((i) => [i.key, i]));
    const names = new Map(round.units.map((u) => [u.unitKey, u.name]));
    const local = entries.flatMap((e, n): FieldError[] => {
      const i = byKey.get(e.indicatorKey);
      const c = i && e.entry !== null ? checkEntry(scheme, i, e.entry) : undefined;
      const m = scheme.methods.find((x) => x.key === e.methodKey);
      return c && !c.ok ? [{ field: `entries.${n}.entry`, label: `${names.get(e.unitKey)}“${i!.name}”（${m?.label ?? e.methodKey}）`, message: c.message }] : [];
    });
    if (local.length) return showErrors(local, entries);
    save.mutate(entries, {
      onSuccess: (r) => {
        setEdits({});
        showErrors([]);
        message.success(`已保存 ${r.saved} 项评分${r.cleared ? `，清除 ${r.cleared} 项` : ''}`);
      },
      onError: (e) => {
        showErrors(e instanceof ApiError ? e.fields : [], entries);
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
                onSuccess: (r) => (showErrors([]), setEdits({}), message.success(`已从系统数据写入 ${r.saved} 项评分`)),
                onError: (err) => (showErrors(err instanceof ApiError ? err.fields : []), message.error(errorMessage(err))),
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
                  onSuccess: (r) => (showErrors([]), setEdits({}), message.success(`已从评分表写入 ${r.saved} 项评分`)),
                  onError: (err) => (showErrors(err instanceof ApiError ? err.fields : []), message.error(errorMessage(err))),
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
          <Button icon={<UndoOutlined />} onClick={() => (setEdits({}), showErrors([]))} disabled={changes === 0}>
            放弃修改
          </Button>
        </Space>
      )}
    </Space>
  );
}

