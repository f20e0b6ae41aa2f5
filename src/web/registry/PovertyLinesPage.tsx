import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../app/api';
import { showFieldErrors } from '../app/forms';
import type { PovertyLineInput } from '../../contract/registry/rules';
import { ErrorResult } from '../app/ErrorResult';
import { currentYear } from '../app/format';
import { RegionName } from '../shared/RegionName';
import { can, useMe } from '../shared/session';
import type { LineScope } from '../../domain/registry/poverty-lines';
import { LINE_SCOPES, usePovertyLines, useSetPovertyLine, yuan, type PovertyLineRow } from './api';

type LineValues = PovertyLineInput & { scope: LineScope };

const SCOPE_LABEL: Record<string, string> = Object.fromEntries(LINE_SCOPES.map((s) => [s.value, s.label]));

export function PovertyLinesPage() {
  const { message } = App.useApp();
  const me = useMe().data;
  const lines = usePovertyLines();
  const setLine = useSetPovertyLine();
  const [form] = Form.useForm<LineValues>();
  const scope = Form.useWatch('scope', form);
  const admin = can(me, 'lines.manage');

  const submit = (v: LineValues) =>
    setLine.mutate(
      { ...v, regionPrefix: v.scope === 'national' ? undefined : v.regionPrefix?.trim(), source: v.source?.trim() || undefined },
      {
        onSuccess: () => void message.success(`${v.year} 年${SCOPE_LABEL[v.scope]}已设置为 ${yuan(v.yuan)}`),
        onError: (e) => {
          showFieldErrors(form, e);
          void message.error(errorMessage(e));
        },
      },
    );

  return (
    <>
      <Typography.Title level={3}>扶贫标准</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>
        农民人均纯收入标准（元/人·年），按年度分国家标准、省标、市标。判断某户时取该年度适用于其所在地区的最具体的标准（市标优先，其次省标、国家标准）。
      </Typography.Paragraph>
      {admin ? (
        <Card size="small" title="设置扶贫标准" style={{ marginBottom: 16 }}>
          <Form<LineValues> form={form} name="poverty-line" layout="inline" initialValues={{ year: currentYear(), scope: 'national' }} onFinish={submit} style={{ rowGap: 8 }}>
            <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber precision={0} min={2010} max={2100} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item label="适用范围" name="scope" rules={[{ required: true, message: '请选择' }]}>
              <Select style={{ width: 120 }} options={LINE_SCOPES.map((s) => ({ value: s.value, label: s.label }))} />
            </Form.Item>
            {scope !== 'national' && (
              <Form.Item
                label="地区代码"
                name="regionPrefix"
                rules={[
                  { required: true, message: '请填写地区代码' },
                  { pattern: scope === 'provincial' ? /^\d{2}$/ : /^\d{4}$/, message: scope === 'provincial' ? '省标填 2 位省级代码' : '市标填 4 位市级代码' },
                ]}
              >
                <Input style={{ width: 110 }} placeholder={scope === 'provincial' ? '如 51' : '如 5134'} maxLength={4} />
              </Form.Item>
            )}
            <Form.Item label="标准（元）" name="yuan" rules={[{ required: true, message: '请填写标准' }]}>
              <InputNumber precision={0} min={1} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item label="依据" name="source">
              <Input style={{ width: 300 }} placeholder="文件名称或文号" maxLength={200} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={setLine.isPending}>
                保存
              </Button>
            </Form.Item>
          </Form>
        </Card>
      ) : (
        <Alert type="info" showIcon title="扶贫标准由系统管理员设置。" style={{ marginBottom: 16 }} />
      )}
      {lines.isError ? (
        <ErrorResult error={lines.error} onRetry={() => void lines.refetch()} />
      ) : (
        <Table<PovertyLineRow>
          data-testid="poverty-lines"
          size="small"
          bordered
          loading={lines.isLoading}
          rowKey={(l) => `${l.year}-${l.scope}-${l.regionPrefix}`}
          dataSource={lines.data ?? []}
          pagination={false}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '适用范围', dataIndex: 'scope', width: 100, render: (v: string) => <Tag>{SCOPE_LABEL[v] ?? v}</Tag> },
            { title: '地区', dataIndex: 'regionPrefix', width: 140, render: (v: string) => (v ? <RegionName code={v} /> : '全国') },
            { title: '标准', dataIndex: 'yuan', width: 120, align: 'right', render: (v: number) => yuan(v) },
            { title: '依据', dataIndex: 'source' },
          ]}
        />
      )}
    </>
  );
}
