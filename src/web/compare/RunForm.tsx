/** 运行比对: compare the registry under a region, or a procedure's applicants, with the chosen department lists. */
import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, InputNumber, Modal, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../app/api';
import { RegionPicker } from '../shared/RegionPicker';
import { useDepartmentLists, useStartRun } from './api';

interface Values {
  kind: 'registry' | 'procedure';
  region?: string;
  procedureId?: number;
  listIds: number[];
}

/** Seconds since `running` turned true (the comparison is one request: this is what the user watches). */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => {
      clearInterval(timer);
      setSeconds(0);
    };
  }, [running]);
  return seconds;
}

export function RunForm({ procedureId }: { procedureId?: number }) {
  const [form] = Form.useForm<Values>();
  const lists = useDepartmentLists();
  const start = useStartRun();
  const navigate = useNavigate();
  const kind = Form.useWatch('kind', form) ?? (procedureId ? 'procedure' : 'registry');
  const elapsed = useElapsed(start.isPending);

  const submit = (v: Values) =>
    start.mutate(v.kind === 'registry' ? { kind: 'registry', region: v.region, listIds: v.listIds } : { kind: 'procedure', procedureId: v.procedureId!, listIds: v.listIds }, {
      onSuccess: (run) => navigate(`/compare/runs/${run.id}`),
    });

  return (
    <>
      <Form<Values>
        form={form}
        name="compare-run"
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ kind: procedureId ? 'procedure' : 'registry', procedureId, listIds: [] }}
        onFinish={submit}
        disabled={start.isPending}
      >
        <Form.Item label="比对对象" name="kind">
          <Radio.Group
            options={[
              { value: 'registry', label: '建档立卡户（所选地区内全部家庭成员）' },
              { value: 'procedure', label: '某一程序的申请户（新识别、返贫等）' },
            ]}
          />
        </Form.Item>
        {kind === 'registry' ? (
          <Form.Item label="地区" name="region" extra="不选为本人管辖的全部地区；已清退的户不参加比对。">
            <RegionPicker placeholder="全部（管辖范围内）" />
          </Form.Item>
        ) : (
          <Form.Item label="程序编号" name="procedureId" rules={[{ required: true, message: '请填写程序编号' }]} extra="在“程序办理”中查看程序编号；比对后，该程序的“县级比对”步骤方可办理。">
            <InputNumber min={1} precision={0} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item label="部门名单" name="listIds" rules={[{ type: 'array', min: 1, message: '请选择至少 1 份部门名单' }]}>
          {lists.data && lists.data.length === 0 ? (
            <Typography.Text type="secondary">尚无可用的部门名单，请先在“部门名单”中导入。</Typography.Text>
          ) : (
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="run-lists">
              {(lists.data ?? []).map((l) => (
                <Checkbox key={l.id} value={l.id}>
                  <Tag>{l.department}</Tag>
                  {l.name}
                  <Typography.Text type="secondary">（{l.rows.toLocaleString()} 行，{l.regionName}）</Typography.Text>
                </Checkbox>
              ))}
            </Checkbox.Group>
          )}
        </Form.Item>
        {start.isError && <Alert type="error" showIcon title="比对未完成" description={errorMessage(start.error)} style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={start.isPending}>
            开始比对
          </Button>
        </Space>
      </Form>
      <Modal open={start.isPending} footer={null} closable={false} mask={{ closable: false }} centered>
        <Space orientation="vertical" align="center" style={{ width: '100%', padding: 24 }} data-testid="run-progress">
          <Spin size="large" />
          <Typography.Text>正在按身份证号逐人比对，请稍候…（已用 {elapsed} 秒）</Typography.Text>
          <Typography.Text type="secondary">全省百万人口与数百万行名单比对约需 1 分钟以内，完成后自动打开比对结果。</Typography.Text>
        </Space>
      </Modal>
    </>
  );
}
