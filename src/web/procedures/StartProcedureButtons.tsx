/**
 * Starting procedures where their subject is shown: on a household's page the procedures its status allows (脱贫,
 * 清退, 稳定脱贫标注, 返贫) and its procedures so far; on a village's page the village exit (出列). The server checks the
 * subject at the start (e.g. the exit rules) and its refusal is shown as it words it.
 */
import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../app/api';
import { can, useMe } from '../shared/session';
import type { Household } from '../../contract/registry/households';
import type { Village } from '../../contract/registry/villages';
import { KIND_LABELS, useDefinitions, useProcedures, useStartProcedure, type Definition, type ProcedureKind, type ProcedureItem, type StartInput } from './api';
import { ProceduresTable } from './ProceduresTable';

/** The household procedures and the statuses they start from (seed 004; the server checks again). */
const HOUSEHOLD_STARTS: ReadonlyArray<{ kind: Exclude<ProcedureKind, 'identification' | 'village_exit'>; label: string; from: readonly string[]; danger?: boolean }> = [
  { kind: 'exit', label: '启动脱贫程序', from: ['未脱贫', '返贫'] },
  { kind: 'stable_exit', label: '标注稳定脱贫', from: ['已脱贫'] },
  { kind: 'relapse', label: '返贫', from: ['已脱贫', '稳定脱贫'] },
  { kind: 'removal', label: '清退', from: ['未脱贫', '已脱贫', '稳定脱贫', '返贫'], danger: true },
];

/** The definition that will apply: the province's own adjustment, else the national one. */
function definitionFor(definitions: Definition[], kind: ProcedureKind, villageCode: string): Definition | undefined {
  const own = definitions.filter((d) => d.kind === kind);
  return own.find((d) => d.regionPrefix === villageCode.slice(0, 2)) ?? own.find((d) => d.regionPrefix === '');
}

function StepList({ definition }: { definition?: Definition }) {
  if (!definition) return null;
  return (
    <ol style={{ margin: '8px 0 0', paddingLeft: 20 }}>
      {definition.steps.map((s) => (
        <li key={s.key}>
          {s.name}（{s.level}级）
        </li>
      ))}
    </ol>
  );
}

/** Starts after a confirmation listing the steps; opens the new procedure, or keeps the server's refusal to show. */
function useStart(villageCode: string) {
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const start = useStartProcedure();
  const definitions = useDefinitions().data ?? [];
  const [refusal, setRefusal] = useState<{ title: string; message: string } | null>(null);

  const ask = (input: StartInput, what: string, extra?: ReactNode) => {
    setRefusal(null);
    modal.confirm({
      title: `启动“${KIND_LABELS[input.kind]}”程序？`,
      width: 520,
      content: (
        <>
          <div>{what}将按以下步骤逐步办理，每一步记录办理人、时间和结果：</div>
          <StepList definition={definitionFor(definitions, input.kind, villageCode)} />
          {extra}
        </>
      ),
      okText: '启动',
      cancelText: '取消',
      onOk: () =>
        start
          .mutateAsync(input)
          .then((p) => {
            void message.success(`已启动“${p.kindLabel}”程序`);
            navigate(`/procedures/${p.id}`);
          })
          .catch((e: unknown) => setRefusal({ title: `不能启动“${KIND_LABELS[input.kind]}”程序`, message: errorMessage(e) })),
    });
  };

  const alert = refusal && (
    <Alert type="error" showIcon data-testid="start-procedure-error" title={refusal.title} description={refusal.message} style={{ marginBottom: 12 }} closable={{ onClose: () => setRefusal(null) }} />
  );
  return { ask, alert, pending: start.isPending };
}

function RunningNote({ running }: { running?: ProcedureItem }) {
  if (!running) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={
        <span>
          正在办理“{running.kindLabel}”程序（第 {running.currentStep + 1} 步），<Link to={`/procedures/${running.id}`}>前往办理</Link>；办结或撤销后方可启动其他程序。
        </span>
      }
    />
  );
}

/** The household page's procedures: start buttons by status, and the household's procedures so far. */
export function StartProcedureButtons({ household }: { household: Pick<Household, 'id' | 'villageCode' | 'status' | 'verdictYear'> }) {
  const mayStart = can(useMe().data, 'procedures.handle');
  const list = useProcedures({ householdId: household.id }, 1, 50);
  const rows = list.data?.items ?? [];
  const running = rows.find((p) => p.state === 'running');
  const { ask, alert, pending } = useStart(household.villageCode);
  const starts = HOUSEHOLD_STARTS.filter((s) => s.from.includes(household.status));

  const click = (kind: (typeof HOUSEHOLD_STARTS)[number]['kind']) => {
    if (kind === 'exit') {
      const year = household.verdictYear ?? undefined;
      ask({ kind, householdId: household.id, year }, '该户', year ? <Typography.Paragraph style={{ marginTop: 8 }}>脱贫年度：{year} 年（按该年收入判断是否达到脱贫标准）。</Typography.Paragraph> : undefined);
    } else ask({ kind, householdId: household.id }, '该户');
  };

  return (
    <Card size="small" title="动态调整程序" style={{ marginBottom: 16 }} data-testid="household-procedures">
      {mayStart && (
        <>
          <RunningNote running={running} />
          {alert}
          {starts.length > 0 ? (
            <Space wrap style={{ marginBottom: 12 }}>
              {starts.map((s) => (
                <Button key={s.kind} type={s.kind === 'exit' ? 'primary' : 'default'} danger={s.danger} icon={<PlayCircleOutlined />} disabled={!!running || list.isLoading} loading={pending} onClick={() => click(s.kind)}>
                  {s.label}
                </Button>
              ))}
            </Space>
          ) : (
            <Typography.Paragraph type="secondary">“{household.status}”的户不再办理动态调整程序。</Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            贫困户的状态只能通过办结相应程序改变：脱贫须经民主评议、核实认可、村内公示、乡镇审核公示、审定公告、县级备案；清退和稳定脱贫标注须经入户核实、告知本人、村级评议公示、乡镇审核、县级备案。
          </Typography.Paragraph>
        </>
      )}
      <ProceduresTable rows={rows} loading={list.isFetching} pagination={false} showVillage={false} testId="household-procedure-list" />
    </Card>
  );
}

/** The village page's village exit (贫困村出列): the start button and the village's exit procedures. */
export function StartVillageExit({ village }: { village: Pick<Village, 'region' | 'profile'> }) {
  const mayStart = can(useMe().data, 'procedures.handle');
  const code = village.region.code;
  const list = useProcedures({ region: code, kind: 'village_exit' }, 1, 20);
  const rows = list.data?.items ?? [];
  const running = rows.find((p) => p.state === 'running');
  const { ask, alert, pending } = useStart(code);
  const profile = village.profile;

  return (
    <Card size="small" title="贫困村出列程序" style={{ marginBottom: 16 }} data-testid="village-procedures">
      {mayStart && (
        <>
          <RunningNote running={running} />
          {alert}
          {!profile?.poorVillage ? (
            <Typography.Paragraph type="secondary">非贫困村，无需办理出列。</Typography.Paragraph>
          ) : profile.exited ? (
            <Typography.Paragraph type="secondary">该村已于 {profile.exitYear} 年出列。</Typography.Paragraph>
          ) : (
            <Space wrap style={{ marginBottom: 12 }}>
              <Button type="primary" icon={<PlayCircleOutlined />} disabled={!!running || list.isLoading} loading={pending} onClick={() => ask({ kind: 'village_exit', villageCode: code }, `${village.region.name}`)}>
                启动出列程序
              </Button>
              <Typography.Text type="secondary">须达到贫困村出列标准（见上方出列检查）方可启动。</Typography.Text>
            </Space>
          )}
        </>
      )}
      {rows.length > 0 && <ProceduresTable rows={rows} loading={list.isFetching} pagination={false} showVillage={false} testId="village-procedure-list" />}
    </Card>
  );
}
