/**
 * 扶贫手册核对（三个一致）on a household's page: what field checks found in the household's 扶贫手册 (家庭人口,
 * 人均纯收入 of a year, 帮扶责任人), newest first, and a form to record one. The data-quality check 扶贫手册与系统数据不一致
 * compares the latest record with the registry (seed 004: “三个一致：扶贫手册、信息系统、农户实际”).
 */
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { handbookBody, type HandbookInput } from '../../contract/quality';
import { ApiError, errorMessage, type FieldError } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { currentYear, todayIso } from '../app/format';
import { problemsOf, showFieldErrors } from '../app/forms';
import { can, useMe } from '../shared/session';
import { useHandbookChecks, useRecordHandbook, type HandbookCheck } from './api';

/** The form's fields and their labels (the request's own names). */
const LABELS: Record<keyof HandbookInput, string> = {
  year: '年度',
  persons: '手册家庭人口',
  perCapita: '手册人均纯收入（元）',
  helperNames: '手册帮扶责任人',
  checkedOn: '核对日期',
  note: '备注',
};
const FIELDS = Object.keys(LABELS);

export function HandbookCheckPanel({ household }: { household: { id: number; villageCode: string } }) {
  const list = useHandbookChecks(household.id);
  const mayRecord = can(useMe().data, 'registry.write');

  return (
    <Card size="small" title="扶贫手册核对（三个一致）" style={{ marginBottom: 16 }} data-testid="handbook-panel">
      <Typography.Paragraph type="secondary">
        入户核对扶贫手册上的家庭人口、人均纯收入和帮扶责任人，做到扶贫手册、信息系统、农户实际三个一致。最近一次核对与系统数据的比对结果见
        <Link to={`/quality?region=${household.villageCode}&check=handbook_mismatch`}>数据质量检查</Link>。
      </Typography.Paragraph>
      {list.isError && <ErrorResult error={list.error} onRetry={() => void list.refetch()} />}
      <Table<HandbookCheck>
        data-testid="handbook-checks"
        size="small"
        bordered
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={(list.data?.length ?? 0) > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚未核对' }}
        style={{ marginBottom: mayRecord ? 16 : 0 }}
        columns={[
          { title: '核对日期', dataIndex: 'checkedOn', width: 110 },
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '手册家庭人口', dataIndex: 'persons', width: 110, align: 'right', render: (n: number) => `${n} 人` },
          { title: '手册人均纯收入（元）', dataIndex: 'perCapita', width: 160, align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
          {
            title: '手册帮扶责任人',
            dataIndex: 'helperNames',
            render: (names: string[]) => (names.length ? names.map((n) => <Tag key={n}>{n}</Tag>) : <Typography.Text type="secondary">未填写</Typography.Text>),
          },
          { title: '备注', dataIndex: 'note', render: (v: string) => v || '—' },
        ]}
      />
      {mayRecord && <HandbookForm householdId={household.id} />}
    </Card>
  );
}

function HandbookForm({ householdId }: { householdId: number }) {
  const { message } = App.useApp();
  const record = useRecordHandbook(householdId);
  const [form] = Form.useForm<HandbookInput>();
  const [error, setError] = useState<string | null>(null);

  /** Field errors at their fields; anything else (no permission, a field not on the form) above the form. */
  const refused = (e: unknown) => {
    // A helper's name (`helperNames.1`) is shown at the list of names.
    const all = (e instanceof ApiError ? e.fields : Array.isArray(e) ? (e as FieldError[]) : []).map((f) => ({ ...f, field: f.field.replace(/^helperNames\.\d+$/, 'helperNames') }));
    const elsewhere = showFieldErrors(form, all, FIELDS);
    if (all.length > elsewhere.length && !elsewhere.length) void message.error('核对结果未保存，请按提示修改');
    else setError([...(Array.isArray(e) ? [] : [errorMessage(e)]), ...elsewhere.map((f) => `${f.label}：${f.message}`)].join('；'));
  };

  const submit = (v: HandbookInput) => {
    setError(null);
    const input: HandbookInput = { year: v.year, persons: v.persons, perCapita: v.perCapita, helperNames: v.helperNames ?? [], checkedOn: v.checkedOn, note: v.note ?? '' };
    const problems = problemsOf(handbookBody, input, LABELS);
    if (problems.length) return refused(problems);
    record.mutate(input, {
      onSuccess: () => {
        form.resetFields(['persons', 'perCapita', 'helperNames', 'note']);
        void message.success('核对结果已保存');
      },
      onError: refused,
    });
  };

  return (
    <Card size="small" type="inner" title="记录核对结果">
      {error && <Alert type="error" showIcon title="核对结果未保存" description={error} style={{ marginBottom: 12 }} data-testid="handbook-error" closable={{ onClose: () => setError(null) }} />}
      <Form<HandbookInput> form={form} name="handbook-check" layout="vertical" initialValues={{ year: currentYear() - 1, checkedOn: todayIso(), helperNames: [] }} onFinish={submit}>
        <Row gutter={12}>
          <Col xs={12} md={4}>
            <Form.Item label="年度" name="year" tooltip="手册上人均纯收入所属的年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label="手册家庭人口" name="persons" rules={[{ required: true, message: '请填写手册上的家庭人口' }]}>
              <InputNumber precision={0} style={{ width: '100%' }} suffix="人" />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item label="手册人均纯收入（元）" name="perCapita" rules={[{ required: true, message: '请填写手册上的人均纯收入' }]}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item label="核对日期" name="checkedOn" rules={[{ required: true, message: '请填写核对日期' }]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="手册帮扶责任人" name="helperNames" tooltip="输入姓名后按回车，可填多人">
              <Select mode="tags" notFoundContent={null} tokenSeparators={['、', ',', '，', ' ']} placeholder="输入姓名后按回车" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="备注" name="note">
          <Input.TextArea rows={2} maxLength={500} placeholder="如：手册未更新 2019 年收入" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={record.isPending}>
            保存核对结果
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
