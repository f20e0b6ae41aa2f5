/** Pieces the mutual-aid and credit pages share: money, the pages' switch, the form dialog, the household picker. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, List, Segmented, Select } from 'antd';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { schemaRule } from '../app/forms';
import { useFormSend } from '../app/useFormSend';
import { PagedTable } from '../shared/tables';
import { FormModal } from '../shared/FormModal';
import { useHouseholdSearch } from './api';

/** Integer 元 as the village's books write it: 12,000 元. */
export const yuan = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN')} 元`);

const PAGES = [
  { value: '/mutual-aid', label: '村级互助资金' },
  { value: '/mutual-aid/credit', label: '小额信贷与入股分红' },
];

export function MutualAidNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = pathname.startsWith('/mutual-aid/credit') ? '/mutual-aid/credit' : '/mutual-aid';
  return <Segmented options={PAGES} value={current} onChange={(v) => navigate(v)} style={{ marginBottom: 16 }} />;
}

/**
 * A dialog with one form that records one event (a loan, a repayment, capital …): the fields check themselves with the
 * contract's schemas (their `rules`), the server's field errors land beside them, anything else above the form.
 */
export function EventModal<V extends object, R = V>(props: {
  title: ReactNode;
  okText?: string;
  onClose: () => void;
  /** The shape of the endpoint's body schema: its fields are the form's (the server's field errors land beside them). */
  fields: object;
  /** The mutation that sends it. */
  send: { isPending: boolean; mutateAsync: (request: R) => Promise<unknown> };
  /** The request from the form's values (the values as they are when not given). */
  request?: (values: V) => R;
  initialValues?: Partial<V>;
  children: ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const { error, setError, send, saved } = useFormSend(form, Object.keys(props.fields));
  const submit = async () => {
    setError(null);
    const values = await form.validateFields();
    await send(
      () => props.send.mutateAsync(props.request ? props.request(values) : (values as unknown as R)),
      () => saved('已保存', props.onClose),
    );
  };
  return (
    <FormModal open title={props.title} okText={props.okText ?? '保存'} pending={props.send.isPending} error={error} onSubmit={submit} onClose={props.onClose} width={560}>
      <Form<V> form={form} layout="vertical" initialValues={props.initialValues as never} requiredMark={false}>
        {props.children}
      </Form>
    </FormModal>
  );
}

/** A registered household found by its head's name, an ID number or its number (within the caller's scope). */
export function HouseholdPicker({ value, onChange, region, id }: { value?: number; onChange?: (v: number | undefined) => void; region?: string; id?: string }) {
  const [q, setQ] = useState('');
  const found = useHouseholdSearch(q, region);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={onChange}
      loading={found.isFetching}
      placeholder="输入户主姓名、身份证号或户编号查找"
      notFoundContent={q ? '没有找到' : '请输入查找'}
      options={(found.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.head ?? ''}（${h.villageName ?? ''} ${h.number}，${h.status}）` }))}
    />
  );
}

type FieldSchema = Parameters<typeof schemaRule>[0];
interface FieldProps {
  name: string;
  label: string;
  schema: FieldSchema;
  /** Required unless said (the message names the field). */
  optional?: boolean;
  extra?: ReactNode;
}
const rulesOf = ({ label, schema, optional }: FieldProps) => [...(optional ? [] : [{ required: true, message: `请填写${label}` }]), schemaRule(schema)];

/** A date (`YYYY-MM-DD`) checked with its schema. */
export const DateField = (p: FieldProps) => (
  <Form.Item label={p.label} name={p.name} rules={rulesOf(p)} extra={p.extra}>
    <Input type="date" />
  </Form.Item>
);

/** An amount in whole 元 checked with its schema. */
export const MoneyField = ({ min = 0, ...p }: FieldProps & { min?: number }) => (
  <Form.Item label={p.label} name={p.name} rules={rulesOf(p)} extra={p.extra}>
    <InputNumber min={min} precision={0} style={{ width: '100%' }} suffix="元" />
  </Form.Item>
);

/** A line of text checked with its schema. */
export const TextField = ({ max, placeholder, ...p }: FieldProps & { max: number; placeholder?: string }) => (
  <Form.Item label={p.label} name={p.name} rules={rulesOf(p)} extra={p.extra}>
    <Input maxLength={max} placeholder={placeholder} />
  </Form.Item>
);

/** A list answered a page at a time whose rows open to their events (repayments, dividends). */
export function EventsTable<T extends { id: number }>({ events, ...table }: Omit<Parameters<typeof PagedTable<T>>[0], 'rowKey' | 'expandable'> & { events: (row: T) => string[] }) {
  return (
    <PagedTable<T>
      rowKey="id"
      size="small"
      bordered
      scroll={{ x: 'max-content' }}
      expandable={{ rowExpandable: (r) => events(r).length > 0, expandedRowRender: (r) => <List size="small" dataSource={events(r)} renderItem={(t) => <List.Item>{t}</List.Item>} /> }}
      {...table}
    />
  );
}

/** 新增… for a user who may write. */
export const AddButton = ({ show, label, onClick, primary }: { show: boolean; label: string; onClick: () => void; primary?: boolean }) =>
  show && (
    <Button type={primary ? 'primary' : 'default'} icon={<PlusOutlined />} onClick={onClick}>
      {label}
    </Button>
  );
