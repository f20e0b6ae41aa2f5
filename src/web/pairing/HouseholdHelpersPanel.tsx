/**
 * 帮扶责任人与走访 on a household's page (扶贫手册): the helpers now, every change with its date (seed 004: “扶贫手册帮扶责任人
 * 有调整的，在后面备注从何时调整更换”), the visits with their signature files (“帮扶成效签字”), and whether an exited
 * household has had this half-year's visit (“脱贫以后，每半年至少上门回访1次”).
 */
import { PaperClipOutlined, PlusOutlined, StopOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Modal, Progress, Radio, Row, Select, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { assignInput, endAssignmentInput, replaceInput, visitInput, type AssignInput, type EndAssignmentInput, type ReplaceInput } from '../../contract/pairing';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { todayIso } from '../app/format';
import { failureMessage, schemaRule } from '../app/forms';
import { can, useMe } from '../shared/session';
import {
  SIGNATURE_ACCEPT,
  signatureUrl,
  uploadSignature,
  useAddVisit,
  useAssignHelper,
  useEndAssignment,
  useHouseholdPairing,
  useReplaceHelper,
  VISIT_KINDS,
  type Assignment,
  type HouseholdPairing,
  type Visit,
  type VisitInput,
} from './api';
import { HelperSelect } from './HelperSelect';
import { ListTable } from '../shared/tables';
import { usePhone } from '../shared/responsive';

const ASSIGN_FIELDS = Object.keys(assignInput.shape);
const VISIT_FIELDS = Object.keys(visitInput.shape);

function AssignForm({ householdId }: { householdId: number }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignInput>();
  const assign = useAssignHelper(householdId);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error && <Alert type="error" showIcon title="未确定帮扶责任人" description={error} style={{ marginBottom: 8 }} data-testid="assign-error" closable={{ onClose: () => setError(null) }} />}
      <Form
        form={form}
        name="assign-helper"
        layout="inline"
        initialValues={{ fromOn: todayIso() }}
        style={{ rowGap: 8 }}
        onFinish={(v) => {
          setError(null);
          assign.mutate(v, {
            onSuccess: () => {
              form.resetFields(['helperId', 'reason']);
              void message.success('已确定帮扶责任人');
            },
            onError: (e) => setError(failureMessage(form, e, ASSIGN_FIELDS)),
          });
        }}
      >
        <Form.Item label="帮扶责任人" name="helperId" rules={[{ required: true, message: '请选择帮扶责任人' }]}>
          <HelperSelect />
        </Form.Item>
        <Form.Item label="自" name="fromOn" rules={[{ required: true, message: '请填写起始日期' }, schemaRule(assignInput.shape.fromOn)]}>
          <Input type="date" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item label="备注" name="reason" rules={[schemaRule(assignInput.shape.reason)]}>
          <Input maxLength={200} style={{ width: 200 }} placeholder="可选" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={assign.isPending}>
            确定帮扶责任人
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

/** The two dated changes to an assignment: what each modal is called, sends and says. */
const ACTIONS = {
  replace: { title: '更换帮扶责任人', form: 'replace-helper', fields: Object.keys(replaceInput.shape), initial: () => ({ on: todayIso() }), done: '已更换帮扶责任人', failed: '未更换' },
  end: { title: '结束帮扶', form: 'end-assignment', fields: Object.keys(endAssignmentInput.shape), initial: () => ({ toOn: todayIso() }), done: '已结束帮扶', failed: '未结束' },
} as const;

/**
 * A dated change to one of the household's assignments (更换, 结束), in a modal: the form's values go with the
 * assignment's id; the server's field errors stand beside the fields, anything else above them.
 */
function AssignmentModal<V extends object>({
  action,
  assignment,
  onClose,
  mutation,
  children,
}: {
  action: keyof typeof ACTIONS;
  assignment: Assignment | null;
  onClose: () => void;
  mutation: UseMutationResult<HouseholdPairing, Error, V & { id: number }>;
  children: ReactNode;
}) {
  const a = ACTIONS[action];
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={assignment ? `${a.title}：${assignment.helperName}` : ''} open={!!assignment} onCancel={onClose} footer={null} destroyOnHidden width={560}>
      {error && <Alert type="error" showIcon title={a.failed} description={error} style={{ marginBottom: 8 }} />}
      <Form<V>
        form={form}
        name={a.form}
        layout="vertical"
        initialValues={a.initial()}
        onFinish={(v) => {
          if (!assignment) return;
          setError(null);
          mutation.mutate(
            { ...v, id: assignment.id },
            {
              onSuccess: () => {
                void message.success(a.done);
                onClose();
              },
              onError: (e) => setError(failureMessage(form, e, a.fields)),
            },
          );
        }}
      >
        {children}
      </Form>
    </Modal>
  );
}

type ModalProps = { householdId: number; assignment: Assignment | null; onClose: () => void };

function ReplaceModal({ householdId, assignment, onClose }: ModalProps) {
  const replace = useReplaceHelper(householdId);
  return (
    <AssignmentModal<ReplaceInput> action="replace" assignment={assignment} onClose={onClose} mutation={replace}>
      <Typography.Paragraph type="secondary">原帮扶关系在更换日期结束，新帮扶责任人自该日起联系本户；扶贫手册记载“自某日起由某某接替某某”。</Typography.Paragraph>
      <Form.Item label="新帮扶责任人" name="helperId" rules={[{ required: true, message: '请选择新帮扶责任人' }]}>
        <HelperSelect exclude={assignment?.helperId} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="更换日期" name="on" rules={[{ required: true, message: '请填写更换日期' }, schemaRule(replaceInput.shape.on)]}>
        <Input type="date" style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label="更换原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写更换原因' }, schemaRule(replaceInput.shape.reason)]}>
        <Input maxLength={200} placeholder="如：原帮扶责任人工作调动" />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SwapOutlined />} loading={replace.isPending}>
        更换
      </Button>
    </AssignmentModal>
  );
}

function EndModal({ householdId, assignment, onClose }: ModalProps) {
  const end = useEndAssignment(householdId);
  return (
    <AssignmentModal<EndAssignmentInput> action="end" assignment={assignment} onClose={onClose} mutation={end}>
      <Form.Item label="结束日期" name="toOn" rules={[{ required: true, message: '请填写结束日期' }, schemaRule(endAssignmentInput.shape.toOn)]} extra="自该日起不再联系本户">
        <Input type="date" style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label="原因" name="reason" rules={[schemaRule(endAssignmentInput.shape.reason)]}>
        <Input maxLength={200} placeholder="如：该户已清退" />
      </Form.Item>
      <Button type="primary" danger htmlType="submit" icon={<StopOutlined />} loading={end.isPending}>
        结束帮扶
      </Button>
    </AssignmentModal>
  );
}

function SignatureUpload({ visit, householdId }: { visit: Visit; householdId: number }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <Space size={4}>
      <Upload
        accept={SIGNATURE_ACCEPT}
        showUploadList={false}
        beforeUpload={(file) => {
          setPercent(0);
          uploadSignature(visit.id, file, (p) => setPercent(p.percent))
            .promise.then(async (a) => {
              void message.success(`已上传“${a.fileName}”`);
              await qc.invalidateQueries({ queryKey: ['pairing', 'household', householdId] });
            })
            .catch((e: unknown) => void message.error(errorMessage(e)))
            .finally(() => setPercent(null));
          return Upload.LIST_IGNORE;
        }}
      >
        <Button size="small" icon={<UploadOutlined />} loading={percent !== null} data-testid={`signature-upload-${visit.id}`}>
          上传签字
        </Button>
      </Upload>
      {percent !== null && <Progress percent={percent} size="small" style={{ width: 80 }} />}
    </Space>
  );
}

function VisitForm({ data }: { data: HouseholdPairing }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitInput>();
  const add = useAddVisit(data.householdId);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const helperId = Form.useWatch('helperId', form);
  const helpers = [...new Map(data.assignments.map((a) => [a.helperId, a])).values()];
  return (
    <Card size="small" type="inner" title="记录走访" style={{ margin: '12px 0' }} data-testid="visit-form">
      {error && <Alert type="error" showIcon title="未保存" description={error} style={{ marginBottom: 8 }} data-testid="visit-error" closable={{ onClose: () => setError(null) }} />}
      <Form<VisitInput>
        form={form}
        name="household-visit"
        layout="vertical"
        initialValues={{ kind: '帮扶走访', visitedOn: todayIso(), helperId: data.helpers[0]?.helperId }}
        onFinish={(v) => {
          setError(null);
          const input: VisitInput = { kind: v.kind, visitedOn: v.visitedOn, helperId: v.kind === '帮扶走访' ? (v.helperId ?? null) : null, visitor: v.visitor, content: v.content };
          add.mutate(input, {
            onSuccess: () => {
              form.resetFields(['content', 'visitor']);
              void message.success('走访已记录，可上传签字材料');
            },
            onError: (e) => setError(failureMessage(form, e, VISIT_FIELDS)),
          });
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item label="走访类别" name="kind" rules={[{ required: true, message: '请选择走访类别' }]}>
              <Radio.Group options={VISIT_KINDS.map((k) => ({ value: k, label: k === '家庭医生' ? '家庭医生签约走访' : k }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item label="走访日期" name="visitedOn" rules={[{ required: true, message: '请填写走访日期' }, schemaRule(visitInput.shape.visitedOn)]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          {kind === '帮扶走访' && (
            <Col xs={24} md={5}>
              <Form.Item label="帮扶责任人" name="helperId">
                <Select allowClear placeholder="其他走访人" options={helpers.map((a) => ({ value: a.helperId, label: a.helperName }))} />
              </Form.Item>
            </Col>
          )}
          {(kind === '家庭医生' || !helperId) && (
            <Col xs={24} md={6}>
              <Form.Item label={kind === '家庭医生' ? '签约医生' : '走访人'} name="visitor" rules={[{ required: true, whitespace: true, message: '请填写走访人姓名' }, schemaRule(visitInput.shape.visitor)]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item label="走访内容" name="content" rules={[{ required: true, whitespace: true, message: '请填写走访了解的情况和落实的帮扶措施' }, schemaRule(visitInput.shape.content)]}>
          <Input.TextArea rows={2} maxLength={2000} placeholder="了解的情况、落实的帮扶措施、帮扶成效" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
          保存走访记录
        </Button>
      </Form>
    </Card>
  );
}

/** A visit's signature files, with the upload for a user who records visits. */
function VisitFiles({ visit, householdId, mayVisit }: { visit: Visit; householdId: number; mayVisit: boolean }) {
  return (
    <Space orientation="vertical" size={2}>
      {visit.attachments.map((f) => (
        <Typography.Link key={f.id} href={signatureUrl(f.id)} download={f.fileName}>
          <PaperClipOutlined /> {f.fileName}
        </Typography.Link>
      ))}
      {mayVisit && <SignatureUpload visit={visit} householdId={householdId} />}
      {!mayVisit && visit.attachments.length === 0 && '—'}
    </Space>
  );
}

/** On a phone the visits are cards, one under the other: date, kind, visitor, what was done, and the signature upload at hand. */
function VisitCards({ visits, householdId, mayVisit }: { visits: Visit[]; householdId: number; mayVisit: boolean }) {
  if (visits.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无走访记录" />;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="household-visits">
      {visits.map((v) => (
        <Card key={v.id} size="small" data-testid={`visit-${v.id}`}>
          <Space size={6} wrap>
            <Typography.Text strong>{v.visitedOn}</Typography.Text>
            <Tag color={v.kind === '家庭医生' ? 'cyan' : 'blue'}>{v.kind}</Tag>
            <span>{v.visitor}</span>
          </Space>
          <Typography.Paragraph style={{ margin: '6px 0' }}>{v.content}</Typography.Paragraph>
          <VisitFiles visit={v} householdId={householdId} mayVisit={mayVisit} />
        </Card>
      ))}
    </Space>
  );
}

export function HouseholdHelpersPanel({ household }: { household: { id: number } }) {
  const query = useHouseholdPairing(household.id);
  const me = useMe().data;
  const mayEdit = can(me, 'pairing.manage');
  // A 帮扶责任人 records their visits and signatures without managing the pairing (visits.write alone).
  const mayVisit = can(me, 'visits.write');
  const [replacing, setReplacing] = useState<Assignment | null>(null);
  const [ending, setEnding] = useState<Assignment | null>(null);
  const phone = usePhone();
  const d = query.data;

  return (
    <Card size="small" title="帮扶责任人与走访" style={{ marginBottom: 16 }} data-testid="household-helpers">
      {query.isError && <ErrorResult error={query.error} onRetry={() => void query.refetch()} />}
      {d && (
        <>
          {d.helpers.length === 0 && d.status !== '清退' && <Alert type="warning" showIcon title="该户尚无帮扶责任人" description="每个贫困户至少应有一名帮扶责任人（脱贫户仍需帮扶联系人定期走访）。" style={{ marginBottom: 12 }} />}
          {d.halfYear.problem && <Alert type="warning" showIcon title={d.halfYear.problem} style={{ marginBottom: 12 }} data-testid="visit-due" />}
          <ListTable<Assignment>
            data-testid="household-helper-list"
            dataSource={d.helpers}
            empty="暂无帮扶责任人"
            style={{ marginBottom: 12 }}
            columns={[
              { title: '帮扶责任人', dataIndex: 'helperName', render: (v: string, a) => <Link to={`/pairing/helpers/${a.helperId}`}>{v}</Link> },
              { title: '工作单位及职务', render: (_, a) => `${a.unit}${a.post ? ` ${a.post}` : ''}` },
              { title: '联系电话', dataIndex: 'phone', render: (v: string) => v || '—' },
              { title: '起始日期', dataIndex: 'fromOn', width: 110 },
              ...(mayEdit
                ? [
                    {
                      title: '操作',
                      width: 170,
                      render: (_: unknown, a: Assignment) => (
                        <Space size={4}>
                          <Button size="small" icon={<SwapOutlined />} onClick={() => setReplacing(a)}>
                            更换
                          </Button>
                          <Button size="small" icon={<StopOutlined />} onClick={() => setEnding(a)}>
                            结束
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {mayEdit && d.status !== '清退' && <AssignForm householdId={d.householdId} />}
          {d.notes.length > 0 && (
            <>
              <Typography.Text strong style={{ display: 'block', margin: '12px 0 8px' }}>
                调整记录
              </Typography.Text>
              <Timeline
                data-testid="helper-notes"
                items={d.notes.map((n) => ({
                  color: n.kind === 'replace' ? 'orange' : n.kind === 'end' ? 'gray' : 'green',
                  content: (
                    <span>
                      {n.text}
                      {n.reason && <Typography.Text type="secondary">（{n.reason}）</Typography.Text>}
                    </span>
                  ),
                }))}
              />
            </>
          )}
          {/* On a phone the visit form comes first, then the visits as cards with their signature uploads. */}
          {phone && mayVisit && <VisitForm key={d.helpers.map((a) => a.id).join(',')} data={d} />}
          <Typography.Text strong style={{ display: 'block', margin: '4px 0 8px' }}>
            走访记录
          </Typography.Text>
          {phone ? (
            <VisitCards visits={d.visits} householdId={d.householdId} mayVisit={mayVisit} />
          ) : (
          <ListTable<Visit>
            data-testid="household-visits"
            dataSource={d.visits}
            pagination={d.visits.length > 10 ? { pageSize: 10 } : false}
            empty="尚无走访记录"
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '日期', dataIndex: 'visitedOn', width: 110 },
              { title: '类别', dataIndex: 'kind', width: 100, render: (k: string) => <Tag color={k === '家庭医生' ? 'cyan' : 'blue'}>{k}</Tag> },
              { title: '走访人', dataIndex: 'visitor', width: 100 },
              { title: '走访内容', dataIndex: 'content' },
              {
                title: '签字材料',
                width: 220,
                render: (_, v) => <VisitFiles visit={v} householdId={d.householdId} mayVisit={mayVisit} />,
              },
            ]}
          />
          )}
          {!phone && mayVisit && <VisitForm key={d.helpers.map((a) => a.id).join(',')} data={d} />}
          <ReplaceModal householdId={d.householdId} assignment={replacing} onClose={() => setReplacing(null)} />
          <EndModal householdId={d.householdId} assignment={ending} onClose={() => setEnding(null)} />
        </>
      )}
    </Card>
  );
}
