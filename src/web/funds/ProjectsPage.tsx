/** 项目库: the projects of the user's scope by year, stage and name, the 申报项目 form, the export and the 正面清单 mix. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { projectStage, type ProjectQuery } from '../../contract/funds';
import { EChart } from '../app/EChart';
import { FilterButtons } from '../shared/FilterButtons';
import { ListExportButton } from '../shared/ListExportButton';
import { FilterCell, filterParams, PageFilters } from '../shared/PageFilters';
import { PageHeader } from '../shared/PageHeader';
import { RegionPicker } from '../shared/RegionPicker';
import { can, useMe } from '../shared/session';
import { PagedTable, usePageParams } from '../shared/tables';
import { MAX_PAGE_SIZE, PROJECTS_EXPORT, useProjects, type ProjectItem, type ProjectStage } from './api';
import { DeclareProjectDrawer } from './DeclareProjectDrawer';
import { FundsNav } from './FundsNav';
import { STAGE_LABELS } from './labels';
import { PROJECT_COLUMNS } from './projectColumns';
import { mixChartOption, positiveListMix, yuanText, type MixRow } from './view';

type Filters = Omit<ProjectQuery, 'page' | 'pageSize'>;
const STAGE_OPTIONS = projectStage.options.map((value) => ({ value, label: STAGE_LABELS[value] }));

/** How the region's projects of the year (every stage) fall across the 正面清单, by budget. */
function MixCard({ region, year }: { region?: string; year?: number }) {
  const list = useProjects({ region, year }, 1, MAX_PAGE_SIZE);
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const mix = useMemo(() => positiveListMix(items), [items]);
  const option = useMemo(() => mixChartOption(mix), [mix]);
  const total = list.data?.total ?? 0;
  return (
    <Card size="small" title={`正面清单资金结构${year ? `（${year} 年）` : ''}`} style={{ marginTop: 16 }} loading={list.isLoading} data-testid="project-mix">
      {mix.length === 0 ? (
        <Empty description="没有项目" />
      ) : (
        <>
          <EChart option={option} height={300} ariaLabel="项目按正面清单类别的预算构成" />
          <Table<MixRow>
            size="small"
            bordered
            rowKey="key"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={mix}
            columns={[
              { title: '类别', dataIndex: 'label' },
              { title: '项目数', dataIndex: 'projects', align: 'right' },
              { title: '预算', dataIndex: 'budget', align: 'right', render: yuanText },
            ]}
          />
          {total > items.length && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              共 {total} 个项目，此处按前 {items.length} 个统计；请选择地区或年度缩小范围。
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}

export function ProjectsPage() {
  const { params, setParams, page, setPage } = usePageParams();
  const filters = useMemo<Filters>(() => {
    const year = params.get('year');
    const stage = params.get('stage');
    return {
      region: params.get('region') ?? undefined,
      year: year && /^\d{4}$/.test(year) ? Number(year) : undefined,
      stage: projectStage.safeParse(stage).success ? (stage as ProjectStage) : undefined,
      q: params.get('q') ?? undefined,
    };
  }, [params]);
  const list = useProjects(filters, page.current, page.size);
  const mayDeclare = can(useMe().data, 'projects.declare');
  const [declaring, setDeclaring] = useState(false);

  return (
    <>
      <FundsNav />
      <PageHeader
        title="项目库"
        extra={
          <Space wrap>
            <ListExportButton url={PROJECTS_EXPORT} filters={filters} total={list.data?.total} testId="projects-export" />
            {mayDeclare && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)} data-testid="project-new">
                申报项目
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">扶贫项目由户申请、村申报，经乡镇审核、县审批后方可拨付资金；审批在其动态调整程序中办理。</Typography.Paragraph>
      </PageHeader>
      <PageFilters<Filters> key={params.toString()} name="project-filters" layout="vertical" initialValues={filters} onFinish={(v) => setParams(filterParams(v, page.size))}>
        <FilterCell span={{ xs: 24, md: 6 }} label="项目名称" name="q">
          <Input allowClear />
        </FilterCell>
        <FilterCell span={{ xs: 12, md: 3 }} label="年度" name="year">
          <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} placeholder="全部" />
        </FilterCell>
        <FilterCell span={{ xs: 12, md: 4 }} label="审批阶段" name="stage">
          <Select allowClear placeholder="全部" options={STAGE_OPTIONS} />
        </FilterCell>
        <FilterCell span={{ xs: 24, md: 7 }} label="地区" name="region">
          <RegionPicker maxLevel={5} placeholder="全部（管辖范围内）" />
        </FilterCell>
        <FilterCell span={{ xs: 24, md: 4 }} label=" ">
          <FilterButtons onReset={() => setParams(new URLSearchParams())} />
        </FilterCell>
      </PageFilters>
      <PagedTable<ProjectItem> data-testid="project-list" rowKey="id" bordered scroll={{ x: 'max-content' }} query={list} page={page} unit="个" onPage={setPage} columns={PROJECT_COLUMNS} />
      <MixCard region={filters.region} year={filters.year} />
      {mayDeclare && <DeclareProjectDrawer open={declaring} onClose={() => setDeclaring(false)} />}
    </>
  );
}
