import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Result, Space, Table, Typography } from 'antd';
import { ApiError, errorMessage } from '../app/api';
import { can, useMe } from '../shared/session';
import { fetchRegion, useDeepPovertyCounties, useDeleteDeepPovertyCounty, usePutDeepPovertyCounty, type DeepPovertyCounty } from './api';
import { RegionPicker } from '../shared/RegionPicker';
import { ErrorResult } from '../app/ErrorResult';
import { useFormSend } from '../app/useFormSend';

interface AddValues {
  countyCode: string;
  note?: string;
}

/** Seed 000: the deep-poverty counties (藏区、彝区 45 个深度贫困县) whose entries are flagged; sysadmins keep the list. */
export function DeepPovertyPage() {
  const me = useMe().data;
  const list = useDeepPovertyCounties();
  const putCounty = usePutDeepPovertyCounty();
  const removeCounty = useDeleteDeepPovertyCounty();
  const [form] = Form.useForm<AddValues>();
  const { modal, message } = App.useApp();
  const { error, setError, send, saved } = useFormSend(form, ['countyCode', 'note']);

  if (!can(me, 'regions.manage')) return <Result status="403" title="没有权限" subTitle="只有系统管理员可以维护深度贫困县名单。" />;

  const add = async (v: AddValues) => {
    setError(null);
    const code = v.countyCode.trim();
    let name = code;
    try {
      const region = await fetchRegion(code.padEnd(12, '0'));
      if (region.level !== 3) {
        form.setFields([{ name: 'countyCode', errors: ['不是县级行政区划代码'] }]);
        return;
      }
      name = region.path.map((p) => p.name).join('');
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        form.setFields([{ name: 'countyCode', errors: ['没有这个县级行政区划代码'] }]);
        return;
      }
    }
    modal.confirm({
      title: `确认将“${name}”（${code}）加入深度贫困县名单？`,
      content: '加入后，帮扶对象在该县的事项会被自动建议标注为深度贫困县事项。已录入的事项不受影响。',
      okText: '加入',
      cancelText: '取消',
      onOk: () =>
        send(
          () => putCounty.mutateAsync({ countyCode: code, note: v.note?.trim() || undefined }),
          () => saved(`已加入：${name}`),
        ),
    });
  };

  const remove = async (c: DeepPovertyCounty) => {
    try {
      await removeCounty.mutateAsync(c.countyCode);
      void message.success(`已移出：${c.name}`);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        深度贫困县名单
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>
        有对口帮扶藏区、彝区45个深度贫困县任务的各级政协组织，以及在45个深度贫困县参与活动的政协委员，在填报聚焦聚力深度贫困地区助推脱贫攻坚工作的事项时进行标注。
        帮扶对象位于名单中的县时，录入事项会自动建议标注为深度贫困县事项。
      </Typography.Paragraph>
      {list.data?.source && (
        <Typography.Paragraph type="secondary" style={{ maxWidth: 860, fontSize: 12 }} ellipsis={{ rows: 1, expandable: true, symbol: '展开' }}>
          名单来源：{list.data.source}
        </Typography.Paragraph>
      )}
      <Card size="small" title="加入县" style={{ marginBottom: 16, maxWidth: 860 }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form<AddValues> form={form} name="deep-county" layout="vertical" onFinish={(v) => void add(v)}>
          <Form.Item label="从行政区划选择县" extra="选择后自动填入县级区划代码">
            <RegionPicker
              maxLevel={3}
              leafOnly
              placeholder="省 / 市 / 县"
              onChange={(code) => code && form.setFieldValue('countyCode', code.slice(0, 6))}
            />
          </Form.Item>
          <Space align="start" wrap>
            <Form.Item
              label="县级区划代码"
              name="countyCode"
              rules={[{ required: true, message: '请填写 6 位县级区划代码' }, { pattern: /^\d{6}$/, message: '应为 6 位数字，如 513431' }]}
            >
              <Input placeholder="如 513431" style={{ width: 160 }} maxLength={6} />
            </Form.Item>
            <Form.Item label="备注" name="note">
              <Input placeholder="如：彝区" style={{ width: 280 }} maxLength={100} />
            </Form.Item>
            <Form.Item label=" ">
              <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={putCounty.isPending}>
                加入名单
              </Button>
            </Form.Item>
          </Space>
        </Form>
      </Card>
      {list.isError && <ErrorResult error={list.error} onRetry={() => void list.refetch()} />}
      <Table<DeepPovertyCounty>
        rowKey="countyCode"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 个县` }}
        style={{ maxWidth: 860 }}
        columns={[
          { title: '县级区划代码', dataIndex: 'countyCode', width: 140 },
          { title: '名称', dataIndex: 'name' },
          { title: '备注', dataIndex: 'note', render: (v: string | null) => v || '—' },
          {
            title: '操作',
            width: 100,
            render: (_, c) => (
              <Popconfirm
                title={`确认将“${c.name}”移出深度贫困县名单？`}
                description="移出后新录入的事项不再自动建议标注；已录入的事项不受影响。"
                okText="移出"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => remove(c)}
              >
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={`移出${c.name}`}>
                  移出
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}
