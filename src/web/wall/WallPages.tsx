/** 上墙图表: the township's and the village's wall, each chart a panel to print as an A3 poster or download as PNG. */
import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { NotLoaded } from '../app/ErrorResult';
import { PageHeader } from '../shared/PageHeader';
import { RegionPicker, type RegionInfo } from '../shared/RegionPicker';
import { STATUS_COLORS } from '../shared/households';
import { cite } from '../../domain/shared/sources';
import { CHART_NOTES, HOUSEHOLD_CHART } from '../../domain/wall/charts';
import { householdRegistrationPdfUrl, printUrl, shortVillageName, useTownshipWall, useVillageWall, villageOverviewPdfUrl } from './api';
import { townshipCharts, villageCharts } from './defs';
import { WallPanel } from './WallPanel';

const BASIS_NOTE = `上墙图表依据${cite('qingyangMaterials')}中的“精准扶贫乡、村、户软件资料清单”（需上墙图表）。每张图可打印为 A3 海报或下载为 PNG 图片；图中不含身份证号码。`;

export function TownshipWallPage() {
  const { code = '' } = useParams();
  const q = useTownshipWall(code);
  if (q.isError || !q.data) return <NotLoaded query={q} />;
  const w = q.data;
  return (
    <>
      <PageHeader title={`乡级上墙图表 · ${w.region.name}`} extra={<Link to={`/registry?region=${w.region.code}`}>返回地区导航</Link>}>
        <Typography.Paragraph type="secondary">{BASIS_NOTE}</Typography.Paragraph>
      </PageHeader>
      <Row gutter={[16, 16]}>
        {townshipCharts(w).map((def) => (
          <Col key={def.key} xs={24} xl={12}>
            <WallPanel def={def} printHref={printUrl('townships', w.region.code, def.key)} fileName={`${w.region.name}${def.title}.png`} />
          </Col>
        ))}
        <Col xs={24}>
          <Typography.Text type="secondary">
            各村：
            {w.villages.map((v) => (
              <Link key={v.code} to={`/wall/villages/${v.code}`} style={{ marginRight: 12 }}>
                {shortVillageName(v.name)}
              </Link>
            ))}
          </Typography.Text>
        </Col>
      </Row>
    </>
  );
}

export function VillageWallPage() {
  const { code = '' } = useParams();
  const q = useVillageWall(code);
  if (q.isError || !q.data) return <NotLoaded query={q} />;
  const w = q.data;
  const name = shortVillageName(w.region.name);
  const township = w.region.path.at(-2);
  return (
    <>
      <PageHeader
        title={`村级上墙图表 · ${name}`}
        extra={
          <Space wrap>
            {township && <Link to={`/wall/townships/${township.code}`}>{township.name}上墙图表</Link>}
            <Link to={`/registry/villages/${w.region.code}`}>返回村页面</Link>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{BASIS_NOTE}</Typography.Paragraph>
      </PageHeader>
      <Row gutter={[16, 16]}>
        {villageCharts(w).map((def) => (
          <Col key={def.key} xs={24} xl={12}>
            <WallPanel
              def={def}
              printHref={printUrl('villages', w.region.code, def.key)}
              fileName={`${name}${def.title}.png`}
              extra={
                def.kind === 'pdf' ? (
                  <Button icon={<FilePdfOutlined />} href={villageOverviewPdfUrl(w.region.code)} target="_blank">
                    打开 PDF（A3 横向）
                  </Button>
                ) : undefined
              }
            >
              {def.kind === 'pdf' && (
                <Typography.Paragraph>
                  {def.title}（{CHART_NOTES.villageOverview}），本村 {w.households.length} 户，其中贫困户 {w.poorHouseholds} 户 {w.poorPersons} 人：由登记的户情、帮扶措施和帮扶责任人生成 A3 横向 PDF。
                </Typography.Paragraph>
              )}
            </WallPanel>
          </Col>
        ))}
        <Col xs={24}>
          <WallHouseholds households={w.households} />
        </Col>
      </Row>
    </>
  );
}

/** 户级: each household's 《贫困户登记表》, as a PDF to print and post in the home. */
function WallHouseholds({ households }: { households: Array<{ id: number; number: string; head: string | null; status: string }> }) {
  return (
    <Table
      data-testid="wall-households"
      size="small"
      rowKey="id"
      title={() => <Typography.Text strong>户级上墙：{HOUSEHOLD_CHART.title}</Typography.Text>}
      dataSource={households}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '户编号', dataIndex: 'number', width: 100 },
        { title: '户主', dataIndex: 'head', render: (h: string | null, r) => <Link to={`/registry/households/${r.id}`}>{h ?? '（未登记户主）'}</Link> },
        { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{s}</Tag> },
        {
          title: HOUSEHOLD_CHART.title,
          width: 160,
          render: (_: unknown, r) => (
            <Button size="small" icon={<FilePdfOutlined />} href={householdRegistrationPdfUrl(r.id)} target="_blank">
              打开 PDF
            </Button>
          ),
        },
      ]}
    />
  );
}

const levelOf = (info: RegionInfo | undefined) => info?.level;

/** 上墙图表 in the menu: choose a township or a village, then open its wall. */
export function WallHomePage() {
  const [region, setRegion] = useState<RegionInfo | undefined>();
  const level = levelOf(region);
  return (
    <>
      <PageHeader title="上墙图表">
        <Typography.Paragraph type="secondary">{BASIS_NOTE}</Typography.Paragraph>
      </PageHeader>
      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item label="乡镇或村" htmlFor="wall-region">
          <RegionPicker id="wall-region" value={region?.code ?? null} onChange={(_code, info) => setRegion(info)} placeholder="逐级选择：省 / 市 / 县 / 乡镇 / 村" />
        </Form.Item>
        <Space wrap>
          <Link to={region && level === 4 ? `/wall/townships/${region.code}` : '#'}>
            <Button type="primary" disabled={level !== 4}>
              打开乡级上墙图表
            </Button>
          </Link>
          <Link to={region && level === 5 ? `/wall/villages/${region.code}` : '#'}>
            <Button type="primary" disabled={level !== 5}>
              打开村级上墙图表
            </Button>
          </Link>
        </Space>
      </Form>
    </>
  );
}
