/** Pieces the mutual-aid and credit pages share: money, the pages' switch, the form dialog, the household picker. */
import { Form, Segmented, Select } from 'antd';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useFormSend } from '../app/useFormSend';
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
export function EventModal<V extends object>(props: {
  title: ReactNode;
  okText?: string;
  open: boolean;
  onClose: () => void;
  fields: readonly string[];
  pending: boolean;
  initialValues?: Partial<V>;
  /** Turns the form's values into the request and sends it. */
  onSend: (values: V) => Promise<unknown>;
  children: ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const { error, setError, send, saved } = useFormSend(form, props.fields);
  const submit = async () => {
    setError(null);
    const values = await form.validateFields();
    await send(
      () => props.onSend(values),
      () => saved('已保存', props.onClose),
    );
  };
  return (
    <FormModal open={props.open} title={props.title} okText={props.okText ?? '保存'} pending={props.pending} error={error} onSubmit={submit} onClose={props.onClose} width={560}>
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
