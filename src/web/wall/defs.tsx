/** Each wall's charts, once: the wall page shows them as panels, the print page one of them as an A3 poster. */
import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { EChart } from '../app/EChart';
import { cite } from '../../domain/shared/sources';
import { CHART_NOTES, STATION_DUTIES, STATION_DUTIES_TITLE, TOWNSHIP_CHARTS, VILLAGE_CHARTS } from '../../domain/wall/charts';
import { shortVillageName, type TownshipWall, type VillageWall, type WallOffice } from './api';
import type { OrgNode } from './layout';
import { officeTrees } from './layout';
import { planOption, personsOption } from './options';
import { OrgChart, TextPoster, TileMap } from './posters';

export type ChartKind = 'echarts' | 'svg' | 'pdf';

export interface ChartDef {
  key: string;
  title: string;
  kind: ChartKind;
  /** The chart itself; `print` draws it for an A3 page. */
  render: (print: boolean) => ReactNode;
}

/** The document every list of wall charts comes from, as the UI cites it. */
const BASIS = [`依据：${cite('qingyangMaterials')}`, '“精准扶贫乡、村、户软件资料清单”'];

const titleOf = (list: ReadonlyArray<{ key: string; title: string }>, key: string) => list.find((c) => c.key === key)!.title;
const regionLine = (w: { region: { path: Array<{ name: string }> }; asOf: string }) => `${w.region.path.map((p) => p.name).join('')} · 截至 ${w.asOf}`;

const officeNode = (o: WallOffice): Omit<OrgNode, 'children'> => ({ title: o.name, subtitle: o.kind, lines: o.people.map((p) => `${p.name}  ${p.role}`) });

const chartHeight = (print: boolean) => (print ? 1350 : 440);

function emptyNote(text: string) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}

export function townshipCharts(w: TownshipWall): ChartDef[] {
  const caption = [regionLine(w), ...BASIS];
  const title = (k: string) => titleOf(TOWNSHIP_CHARTS, k);
  const name = w.region.name;
  const roots = officeTrees(w.offices, officeNode);
  const orgRoot: OrgNode | null = roots.length === 1 ? roots[0]! : roots.length > 1 ? { title: `${name}扶贫攻坚协调推进领导小组`, lines: [], children: roots } : null;
  return [
    {
      key: 'distribution',
      title: title('distribution'),
      kind: 'svg',
      render: () => (w.villages.length ? <TileMap title={`${name}${title('distribution')}`} villages={w.villages} caption={caption} /> : emptyNote('本乡镇下没有村级行政区划')),
    },
    {
      key: 'plan',
      title: title('plan'),
      kind: 'echarts',
      render: (print) =>
        w.plan.length ? (
          <EChart option={planOption(title('plan'), caption, w.plan, true, print ? 1.8 : 1)} height={chartHeight(print)} ariaLabel={`${title('plan')}：${w.plan.map((p) => `${p.year}年计划${p.plannedPersons}人实际${p.actualPersons}人`).join('，')}`} />
        ) : (
          emptyNote('尚无脱贫规划：请在各村页面填写“村级年度脱贫规划”')
        ),
    },
    {
      key: 'org',
      title: title('org'),
      kind: 'svg',
      render: () =>
        orgRoot ? <OrgChart title={`${name}${title('org').replace(/^乡镇/, '')}`} root={orgRoot} caption={caption} /> : emptyNote('本乡镇尚无扶贫开发领导小组、扶贫办或乡镇扶贫工作站：请在“单位管理”中添加'),
    },
    {
      key: 'duties',
      title: title('duties'),
      kind: 'svg',
      render: () => <TextPoster title={`${name}${STATION_DUTIES_TITLE}`} items={STATION_DUTIES} caption={[`依据：${cite('qingyangMaterials')}`, '附件1 双联扶贫工作站工作职责']} />,
    },
    {
      key: 'persons',
      title: title('persons'),
      kind: 'echarts',
      render: (print) => (
        <EChart option={personsOption(title('persons'), caption, w.villages, print ? 1.8 : 1)} height={chartHeight(print)} ariaLabel={`${title('persons')}：${w.villages.map((v) => `${shortVillageName(v.name)}${v.poorPersons}人`).join('，')}`} />
      ),
    },
  ];
}

export function villageCharts(w: VillageWall): ChartDef[] {
  const caption = [regionLine(w), ...BASIS];
  const title = (k: string) => titleOf(VILLAGE_CHARTS, k);
  const name = shortVillageName(w.region.name);
  const pairing: OrgNode[] =
    w.leaders.length || w.helpers.length
      ? [{ title: '双联干部', lines: [...w.leaders.map((l) => `${l.holder}  ${l.kind}`), ...w.helpers.map((h) => `${h.name}  ${h.unit}（${h.households}户）`)], children: [] }]
      : [];
  const orgRoot: OrgNode = { title: `${name}扶贫工作组织机构`, lines: [], children: [...pairing, ...officeTrees(w.offices, officeNode)] };
  return [
    {
      key: 'org',
      title: title('org'),
      kind: 'svg',
      render: () => <OrgChart title={`${name}${title('org')}`} root={orgRoot} caption={[`（${CHART_NOTES.villageOrg}）`, ...caption]} />,
    },
    {
      key: 'plan',
      title: title('plan'),
      kind: 'echarts',
      render: (print) =>
        w.plan.length ? (
          <EChart option={planOption(`${title('plan')}（${CHART_NOTES.villagePlan}）`, caption, w.plan, false, print ? 1.8 : 1)} height={chartHeight(print)} ariaLabel={`${title('plan')}：${w.plan.map((p) => `${p.year}年计划${p.plannedPersons}人实际${p.actualPersons}人`).join('，')}`} />
        ) : (
          emptyNote('尚无脱贫规划：请在村页面填写“村级年度脱贫规划”')
        ),
    },
    { key: 'overview', title: title('overview'), kind: 'pdf', render: () => null },
    {
      key: 'fund',
      title: title('fund'),
      kind: 'svg',
      render: () => (
        <TextPoster
          title={`${name}${title('fund')}`}
          numbered={false}
          items={[
            '组织机构：（本村扶贫互助资金的组织机构尚未录入）',
            '管理制度：（本村扶贫互助资金的管理章程尚未录入）',
            `村级档案资料应有：${CHART_NOTES.villageFundFiles}。`,
            `乡镇双联扶贫工作站：${STATION_DUTIES[5]}。`,
          ]}
          caption={caption}
        />
      ),
    },
  ];
}
