/**
 * 村级互助资金 (seed 001: “村级扶贫互助资金组织机构、管理制度”, “村级互助资金管理章程、运行台账”): the funds of the villages
 * in the user's scope, each with its members, capital, cash, loans outstanding and overdue loans today.
 */
import { Form, Input, InputNumber, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { fundInput } from '../../contract/mutual-aid';
import { schemaRule } from '../app/forms';
import { PageHeader } from '../shared/PageHeader';
import { RegionPicker } from '../shared/RegionPicker';
import { can, useMe } from '../shared/session';
import { PagedTable, usePageState } from '../shared/tables';
import { useCreateFund, useFunds, type FundInput, type FundItem } from './api';
import { AddButton, DateField, EventModal, MutualAidNav, TextField, yuan } from './parts';

const f = fundInput.shape;

function FundForm({ onClose }: { onClose: () => void }) {
  const create = useCreateFund();
  const navigate = useNavigate();
  // Once set up, the fund's own page.
  const send = { isPending: create.isPending, mutateAsync: async (v: FundInput) => navigate(`/mutual-aid/funds/${(await create.mutateAsync(v)).id}`) };
  return (
    <EventModal<FundInput> title="设立村级互助资金" okText="设立" onClose={onClose} fields={f} send={send} initialValues={{ maxLoan: 0 }}>
      <TextField label="名称" name="name" schema={f.name} max={100} placeholder="如：新城村扶贫互助资金" />
      <Form.Item label="所在村" name="villageCode" rules={[{ required: true, message: '请选择村' }]}>
        <RegionPicker leafOnly placeholder="省 / 市 / 县 / 乡镇 / 村" />
      </Form.Item>
      <DateField label="成立日期" name="establishedOn" schema={f.establishedOn} />
      <Form.Item label="单笔借款上限（元）" name="maxLoan" extra="管理章程规定的单笔借款上限；0 为不设上限" rules={[schemaRule(f.maxLoan)]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="管理章程" name="charter" rules={[schemaRule(f.charter)]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item label="管理制度" name="rules" rules={[schemaRule(f.rules)]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </EventModal>
  );
}

export function FundsPage() {
  const { page, setPage, toFirst } = usePageState();
  const [q, setQ] = useState<string | undefined>();
  const list = useFunds({ q }, page.current, page.size);
  const mayManage = can(useMe().data, 'mutualAid.manage');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <MutualAidNav />
      <PageHeader
        title="村级互助资金"
        extra={<AddButton primary show={mayManage} label="设立互助资金" onClick={() => setCreating(true)} />}
      >
        <Typography.Paragraph type="secondary">村级扶贫互助资金的组织机构、管理制度、管理章程和运行台账：资本金、成员户、借款与还款、占用费，库存现金 = 资本金 + 已收占用费 − 其他支出 − 借款余额。</Typography.Paragraph>
      </PageHeader>
      <Input.Search allowClear placeholder="按名称查找" style={{ maxWidth: 320, marginBottom: 12 }} onSearch={(v) => (setQ(v || undefined), toFirst())} />
      <PagedTable<FundItem>
        data-testid="funds"
        rowKey="id"
        bordered
        size="small"
        scroll={{ x: 'max-content' }}
        query={list}
        page={page}
        onPage={setPage}
        unit="个"
        columns={[
          { title: '名称', dataIndex: 'name', render: (v: string, r) => <Link to={`/mutual-aid/funds/${r.id}`}>{v}</Link> },
          { title: '所在村', dataIndex: 'villageName' },
          { title: '成立日期', dataIndex: 'establishedOn', width: 110 },
          { title: '成员户', dataIndex: 'members', align: 'right' },
          { title: '资本金', dataIndex: 'capital', align: 'right', render: yuan },
          { title: '库存现金', dataIndex: 'cash', align: 'right', render: yuan },
          { title: '借款余额', dataIndex: 'outstanding', align: 'right', render: yuan },
          { title: '逾期', dataIndex: 'overdueCount', align: 'right', render: (n: number) => (n ? <Tag color="red">{n} 笔</Tag> : '—') },
        ]}
      />
      {creating && <FundForm onClose={() => setCreating(false)} />}
    </>
  );
}
