/** 项目库: the projects of the user's scope by year, stage and name, the 申报项目 form, the export and the 正面清单 mix. */
import { Card, Descriptions, Empty, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { projectStage, type ProjectQuery } from '../../contract/funds';
import { EChart } from '../app/EChart';
import { FilterCell } from '../shared/PageFilters';
import { can, useMe } from '../shared/session';
import { PagedTable, usePageParams } from '../shared/tables';
import { MAX_PAGE_SIZE, PROJECTS_EXPORT, useProjects, type ProjectItem, type ProjectStage } from './api';
import { DeclareProjectDrawer } from './DeclareProjectDrawer';
import { FundsFilters, ListActions, SelectCell, YearCell, yearParam } from './fields';
import { FundsPage } from './FundsNav';
import { STAGE_LABELS } from './labels';
import { PROJECT_COLUMNS } from './projectColumns';
import { mixChartOption, positiveListMix, yuanText } from './view';

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
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
            {mix.map((m) => (
              <Descriptions.Item key={m.key} label={m.label}>
                {m.projects} 个，{yuanText(m.budget)}
              </Descriptions.Item>
            ))}
          </Descriptions>
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
    const stage = params.get('stage');
    return {
      region: params.get('region') ?? undefined,
      year: yearParam(params.get('year')),
      stage: projectStage.safeParse(stage).success ? (stage as ProjectStage) : undefined,
      q: params.get('q') ?? undefined,
    };
  }, [params]);
  const list = useProjects(filters, page.current, page.size);
  const mayDeclare = can(useMe().data, 'projects.declare');
  const [declaring, setDeclaring] = useState(false);
  const declare = mayDeclare ? { label: '申报项目', onClick: () => setDeclaring(true) } : undefined;

  return (
    <FundsPage
      title="项目库"
      note="扶贫项目由户申请、村申报，经乡镇审核、县审批后方可拨付资金；审批在其动态调整程序中办理。"
      actions={<ListActions exportUrl={PROJECTS_EXPORT} filters={filters} total={list.data?.total} testId="project" action={declare} />}
    >
      <FundsFilters<Filters> name="project-filters" values={filters} setParams={setParams} pageSize={page.size} regionLevel={5} regionSpan={7}>
        <FilterCell span={{ xs: 24, md: 6 }} label="项目名称" name="q">
          <Input allowClear />
        </FilterCell>
        <YearCell md={3} />
        <SelectCell md={4} label="审批阶段" name="stage" options={STAGE_OPTIONS} />
      </FundsFilters>
      <PagedTable<ProjectItem> data-testid="project-list" rowKey="id" bordered scroll={{ x: 'max-content' }} query={list} page={page} unit="个" onPage={setPage} columns={PROJECT_COLUMNS} />
      <MixCard region={filters.region} year={filters.year} />
      {mayDeclare && <DeclareProjectDrawer open={declaring} onClose={() => setDeclaring(false)} />}
    </FundsPage>
  );
}
