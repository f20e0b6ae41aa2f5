/**
 * 考核方案: a scheme's contents → indicators with 数据来源 and how each is scored, the methods and their weights, how a
 * composite becomes a grade, the grade rules in words, adjustments, the grade descriptions and what follows from a grade.
 */
import { CopyOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { can, useMe } from '../shared/session';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { useCopyScheme, useScheme, type Indicator } from './api';
import { gradeDescriptionList, SYSTEM_SOURCES } from '../../domain/assessment/scheme';
import { SchemeEditor } from './SchemeEditor';
import { RULE_ORDER_TEXT, ruleText, scoringText, thresholdsText } from './words';
import { useIdParam } from '../app/params';
import { PageHeader } from '../shared/PageHeader';

export function SchemeStatusTags({ shipped, locked }: { shipped: boolean; locked: boolean }) {
  return (
    <>
      {shipped ? <Tag color="blue">系统内置</Tag> : <Tag color="green">副本</Tag>}
      {locked && <Tag color="default">已锁定</Tag>}
    </>
  );
}

export function SchemePage() {
  const id = useIdParam();
  const q = useScheme(id);
  const me = useMe().data;
  const copy = useCopyScheme();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  if (q.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (q.error || !q.data) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const v = q.data;
  // Only system administrators edit, and only a copy no closed round uses (the server checks the same).
  const editable = can(me, 'assessment.manage') && !v.shipped && !v.locked;
  if (editing && editable) return <SchemeEditor key={v.id} view={v} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />;
  const s = v.scheme;
  const rows = s.contents.flatMap((c) => c.indicators.map((i, n) => ({ ...i, content: c.name, span: n === 0 ? c.indicators.length : 0 })));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader
        title={<>{v.name} <SchemeStatusTags shipped={v.shipped} locked={v.locked} /></>}
        extra={
          can(me, 'assessment.manage') && (
            <Space>
              {editable && (
                <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  修改方案
                </Button>
              )}
              <Button
                icon={<CopyOutlined />}
                loading={copy.isPending}
                onClick={() =>
                  copy.mutate(
                    { id: v.id },
                    {
                      onSuccess: (c) => {
                        message.success(`已复制为“${c.name}”`);
                        navigate(`/assessment/schemes/${c.id}`);
                      },
                      onError: (e) => message.error(errorMessage(e)),
                    },
                  )
                }
              >
                复制方案
              </Button>
            </Space>
          )
        }
      />
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="考核年度">{v.year}</Descriptions.Item>
        <Descriptions.Item label="考核对象">{v.unitKind}</Descriptions.Item>
        <Descriptions.Item label="依据" span={2}>
          {s.source}
        </Descriptions.Item>
        <Descriptions.Item label="考核方式与权重" span={2}>
          {s.methods.map((m) => `${m.label} ${m.weight}%`).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label="等次" span={2}>
          {s.scale.join('、')}（综合得分：{thresholdsText(s)}；指标等次折算分：{s.scale.map((g) => `${g} ${s.gradePoints[g]}`).join('、')}）
        </Descriptions.Item>
      </Descriptions>

      <Card size="small" title="考核内容与指标">
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          bordered
          columns={[
            { title: '考核内容', dataIndex: 'content', width: 140, onCell: (r) => ({ rowSpan: r.span }) },
            { title: '考核指标', dataIndex: 'name', width: 260 },
            { title: '数据来源 / 具体说明', dataIndex: 'source' },
            {
              title: '评价方法',
              key: 'scoring',
              width: 260,
              render: (_, r: Indicator) => (
                <>
                  {scoringText(r.scoring, s.scale)}
                  {r.system && <div style={{ color: '#1677ff' }}>取系统数据：{SYSTEM_SOURCES[r.system]}</div>}
                </>
              ),
            },
          ]}
        />
      </Card>

      <Card size="small" title="等次规则">
        {s.rules.length === 0 ? (
          <Typography.Text type="secondary">本方案没有保底、封顶或一票否决规则，按综合得分评定等次。</Typography.Text>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{RULE_ORDER_TEXT}</Typography.Paragraph>
            <ol>
              {s.rules.map((r) => (
                <li key={r.id}>
                  {ruleText(r, s.scale)}
                  <br />
                  <Typography.Text type="secondary">原文：{r.text}</Typography.Text>
                </li>
              ))}
            </ol>
          </>
        )}
        {s.adjustments.length > 0 && (
          <>
            <Typography.Text strong>加分、扣分</Typography.Text>
            <ul>
              {s.adjustments.map((a) => (
                <li key={a.key}>
                  {a.label}：{a.sign > 0 ? '加' : '扣'}分，最多 {a.max} 分
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>

      {(v.consequences.length > 0 || s.gradeDescriptions) && (
        <Card size="small" title="等次评价标准与结果运用">
          {s.gradeDescriptions && (
            <Descriptions bordered size="small" column={1}>
              {gradeDescriptionList(s.scale, s.gradeDescriptions).map(({ grade: g, text: d }) => (
                <Descriptions.Item key={g} label={g}>
                  {d}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
          <ul style={{ marginTop: 12 }}>
            {v.consequences.map((c) => (
              <li key={c.action}>
                {c.grades.join('、')} → {c.action}（{c.source}）
              </li>
            ))}
          </ul>
        </Card>
      )}
    </Space>
  );
}
