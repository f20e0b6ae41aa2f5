/**
 * 实地抽查: a reproducible random draw of a region's approved projects of a year (the same region, year, count and seed
 * draw the same projects, so anyone can re-run it), and the projects drawn.
 */
import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row } from 'antd';
import { useState } from 'react';
import { sampleInput } from '../../contract/funds';
import { currentYear, formatDateTime, todayIso } from '../app/format';
import { RegionPicker } from '../shared/RegionPicker';
import { can, useMe } from '../shared/session';
import { ListTable } from '../shared/tables';
import { useDrawSample, type ProjectItem, type Sample, type SampleInput } from './api';
import { FundsPage } from './FundsNav';
import { FIELD_CHECK_BASIS } from './labels';
import { PROJECT_COLUMNS } from './projectColumns';
import { useContractSend } from './useContractSend';

const FIELDS = Object.keys(sampleInput.shape);

export function SamplesPage() {
  const [form] = Form.useForm<SampleInput>();
  const draw = useDrawSample();
  const mayDraw = can(useMe().data, 'funds.manage');
  const [sample, setSample] = useState<Sample | null>(null);
  const { error, submit } = useContractSend(form, sampleInput, FIELDS);

  const onFinish = async (v: SampleInput) => {
    await submit({ ...v, region: v.region ?? '' }, (i) => draw.mutateAsync(i), setSample);
  };

  return (
    <FundsPage
      title="实地抽查"
      note={`${FIELD_CHECK_BASIS}。从已批准的项目中随机抽取；地区、年度、数量和抽取码相同，抽到的项目也相同，可供复核。`}
    >
      {mayDraw ? (
        <Card size="small" title="抽取项目" style={{ marginBottom: 16 }}>
          {error && <Alert type="error" showIcon title="未抽取" description={error} style={{ marginBottom: 12 }} />}
          <Form<SampleInput> form={form} name="sample" layout="vertical" initialValues={{ year: currentYear(), count: 10, drawKey: todayIso() }} onFinish={(v) => void onFinish(v)}>
            <Row gutter={12}>
              <Col xs={24} md={10}>
                <Form.Item label="地区" name="region" rules={[{ required: true, message: '请选择抽查的地区' }]}>
                  <RegionPicker maxLevel={4} placeholder="省 / 市 / 县 / 乡镇" />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
                  <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item label="抽查数量" name="count" rules={[{ required: true, message: '请填写数量' }]}>
                  <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={5}>
                <Form.Item label="抽取码" name="drawKey" rules={[{ required: true, whitespace: true, message: '请填写抽取码' }]} extra="如抽查日期或会议编号，记录在案以便复核">
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={3}>
                <Form.Item label=" ">
                  <Button type="primary" htmlType="submit" icon={<ExperimentOutlined />} loading={draw.isPending} data-testid="sample-draw">
                    抽取
                  </Button>
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </Card>
      ) : (
        <Alert type="info" showIcon title="抽取项目须由县级扶贫资金管理人员办理" style={{ marginBottom: 16 }} />
      )}
      {sample && (
        <Card size="small" title={`抽中的项目（${sample.projects.length} 个）`} data-testid="sample-result">
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 8 }}>
            <Descriptions.Item label="地区">{sample.region?.name ?? '全部'}</Descriptions.Item>
            <Descriptions.Item label="年度">{sample.year}</Descriptions.Item>
            <Descriptions.Item label="抽取码">{sample.drawKey}</Descriptions.Item>
            <Descriptions.Item label="抽取时间">{formatDateTime(sample.drawnAt)}</Descriptions.Item>
          </Descriptions>
          {sample.projects.length < sample.count && (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`要求抽取 ${sample.count} 个，符合条件的项目只有 ${sample.projects.length} 个`} />
          )}
          <ListTable<ProjectItem> empty="没有符合条件的项目" dataSource={sample.projects} columns={PROJECT_COLUMNS} />
        </Card>
      )}
    </FundsPage>
  );
}
