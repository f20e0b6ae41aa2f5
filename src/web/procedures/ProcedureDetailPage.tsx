/**
 * One procedure: its steps as defined (done, open, waiting; returns and reopened steps marked, each with its level),
 * the open step's form, the evidence and every transition kept, with who, at what level, when and what was recorded.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Spin, Steps, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../app/ErrorResult';
import { formatDateTime } from '../app/format';
import { can, useMe } from '../shared/session';
import { ROLE_LABELS, type Role } from '../../domain/auth/roles';
import { OUTCOME_COLORS, OUTCOME_LABELS, STATE_COLORS, STATE_LABELS, useProcedure, type EventOutcome, type Procedure, type ProcedureEvent } from './api';
import { Evidence, FileLink } from './Evidence';
import { requirementLabels } from './labels';
import { Subject } from './ProceduresTable';
import { StepForm } from './StepForm';
import { stepViews } from './step-hints';
import { useIdParam } from '../app/params';
import { NoticePrintButtons } from '../print/NoticePrintButtons';

const stepLabel = (p: Procedure, i: number | null) => (i === null ? '' : `第 ${i + 1} 步“${p.definition.steps[i]?.name ?? ''}”`);

/** What an event recorded, line by line. */
function eventRecord(p: Procedure, e: ProcedureEvent): string[] {
  const out: string[] = [];
  if (e.representatives !== null)
    out.push(`会议：应到 ${e.representatives} 人，实到 ${e.present ?? 0} 人；同意 ${e.votesFor ?? 0} 票，反对 ${e.votesAgainst ?? 0} 票`);
  if (e.noticeFrom) out.push(`公示：${e.noticeFrom} 至 ${e.noticeTo ?? '—'}，${e.objections?.trim() ? `异议：${e.objections}` : '无异议'}`);
  if (typeof e.data.confirmedBy === 'string' && e.data.confirmedBy) out.push(`确认人：${e.data.confirmedBy}`);
  if (e.outcome === 'return') out.push(`退回至${stepLabel(p, e.returnTo)}，原因：${e.reason}`);
  else if (e.outcome === 'withdraw') out.push(`撤销原因：${e.reason}`);
  else if (e.reason) out.push(e.outcome === 'pass' ? `办理意见：${e.reason}` : e.reason);
  return out;
}

const who = (e: ProcedureEvent) => `${e.userName}（${ROLE_LABELS[e.userRole as Role] ?? e.userRole}${e.userLevel ? `，${e.userLevel}级` : ''}）`;

function StepsView({ procedure }: { procedure: Procedure }) {
  const steps = procedure.definition.steps;
  const views = stepViews(steps, procedure.state, procedure.currentStep, procedure.events);
  return (
    <Steps
      data-testid="procedure-steps"
      orientation="vertical"
      size="small"
      current={procedure.currentStep}
      items={steps.map((s, i) => {
        const v = views[i]!;
        const files = procedure.attachments.filter((a) => a.stepIndex === i);
        return {
          status: v.status,
          title: (
            <Space size={6} wrap>
              <span>{s.name}</span>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {s.level}级
              </Tag>
              {v.status === 'process' && <Tag color="processing">办理中</Tag>}
              {v.status === 'error' && <Tag>已撤销</Tag>}
              {v.returns.length > 0 && <Tag color="orange">退回 {v.returns.length} 次</Tag>}
            </Space>
          ),
          content: (
            <div style={{ fontSize: 13, paddingBottom: 8 }}>
              {requirementLabels(s).length > 0 && <Typography.Text type="secondary">要求：{requirementLabels(s).join('、')}</Typography.Text>}
              {v.passed && (
                <div>
                  已通过：{formatDateTime(v.passed.at)} · {who(v.passed)}
                </div>
              )}
              {v.reopened && <div style={{ color: '#d46b08' }}>曾通过，因退回需重新办理</div>}
              {v.returns.map((r) => (
                <div key={r.id} style={{ color: '#d46b08' }}>
                  {formatDateTime(r.at)} 退回至第 {(r.returnTo ?? 0) + 1} 步：{r.reason}
                </div>
              ))}
              {files.map((f) => (
                <div key={f.id}>
                  <FileLink file={f} />
                </div>
              ))}
            </div>
          ),
        };
      })}
    />
  );
}

function EventsTable({ procedure }: { procedure: Procedure }) {
  return (
    <Table<ProcedureEvent>
      data-testid="procedure-events"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={procedure.events}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
        { title: '步骤', dataIndex: 'stepIndex', width: 220, render: (i: number) => stepLabel(procedure, i) },
        { title: '结果', dataIndex: 'outcome', width: 70, render: (o: EventOutcome) => <Tag color={OUTCOME_COLORS[o]}>{OUTCOME_LABELS[o]}</Tag> },
        { title: '办理人', width: 200, render: (_, e) => who(e) },
        {
          title: '记录',
          render: (_, e) => (
            <>
              {eventRecord(procedure, e).map((line, i) => (
                <div key={i}>{line}</div>
              ))}
            </>
          ),
        },
      ]}
    />
  );
}

export function ProcedureDetailPage() {
  const id = useIdParam();
  const query = useProcedure(id);
  const mayAct = can(useMe().data, 'procedures.handle');
  const p = query.data;

  if (id === undefined) return <ErrorResult error={new Error('程序编号无效')} />;
  if (query.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (query.isError || !p) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const certificate = p.kind === 'exit' && p.state === 'completed' && p.certificateNo;
  const lastEvent = p.events.at(-1);

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/procedures">动态调整程序</Link> }, { title: `程序 ${p.id}` }]} />
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} data-testid="procedure-title">
          {p.definition.name}
          <Tag color={STATE_COLORS[p.state]} style={{ marginLeft: 12, verticalAlign: 'middle' }} data-testid="procedure-state">
            {STATE_LABELS[p.state]}
          </Tag>
        </Typography.Title>
        <NoticePrintButtons p={p} />
        {certificate && (
          <Link to={`/procedures/${p.id}/certificate`}>
            <Button type="primary" icon={<PrinterOutlined />}>
              打印脱贫光荣证
            </Button>
          </Link>
        )}
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }} data-testid="procedure-facts">
        <Descriptions.Item label="办理对象">
          <Subject p={p} />
        </Descriptions.Item>
        <Descriptions.Item label="所在村">
          <Link to={`/registry/villages/${p.villageCode}`}>{p.village.path.map((r) => r.name).join(' / ')}</Link>
        </Descriptions.Item>
        <Descriptions.Item label="年度">{p.year ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="启动时间">{formatDateTime(p.startedAt)}</Descriptions.Item>
        <Descriptions.Item label={p.state === 'withdrawn' ? '撤销时间' : '办结时间'}>{p.finishedAt ? formatDateTime(p.finishedAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label="脱贫光荣证编号">{p.certificateNo ?? '—'}</Descriptions.Item>
      </Descriptions>

      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <Card size="small" title={`办理步骤（共 ${p.definition.steps.length} 步）`} style={{ marginBottom: 16 }}>
            <StepsView procedure={p} />
            {p.definition.source && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
                依据：{p.definition.source}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title="办理当前步骤" style={{ marginBottom: 16 }}>
            {p.state === 'running' ? (
              mayAct ? (
                <StepForm key={`${p.id}-${p.version}`} procedure={p} onReload={() => query.refetch()} />
              ) : (
                <Typography.Text>
                  正在办理第 {p.currentStep + 1} 步“{p.definition.steps[p.currentStep]?.name}”。您的账号只能查看。
                </Typography.Text>
              )
            ) : p.state === 'completed' ? (
              <Alert
                type="success"
                showIcon
                data-testid="procedure-done"
                title={`程序已办结${p.finishedAt ? `（${formatDateTime(p.finishedAt)}）` : ''}`}
                description={p.certificateNo ? `已颁发脱贫光荣证，编号 ${p.certificateNo}。` : '全部步骤已办理完毕。'}
              />
            ) : (
              <Alert type="info" showIcon title="程序已撤销" description={lastEvent?.outcome === 'withdraw' ? `撤销原因：${lastEvent.reason}` : undefined} />
            )}
          </Card>
          <Card size="small" title="佐证材料" style={{ marginBottom: 16 }}>
            <Evidence key={p.currentStep} procedure={p} mayUpload={mayAct} />
          </Card>
        </Col>
      </Row>

      <Card size="small" title="办理记录">
        <EventsTable procedure={p} />
      </Card>
    </>
  );
}
