/**
 * The 扶贫手册 on a phone: the household's facts, members, income and verdict, helpers and last visits — from the
 * phone when there is no network (and refreshed from the server when there is) — with the big buttons 记录走访 and,
 * for a village clerk, 程序佐证 of a procedure running on the household.
 */
import { Alert, Button, Card, Descriptions, Empty, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { HouseholdPairing } from '../../contract/pairing';
import type { Page } from '../../contract/page';
import type { Procedure, ProcedureItem } from '../../contract/procedures';
import type { Household, HouseholdHit } from '../../contract/registry/households';
import { errorMessage, get } from '../app/api';
import { formatDateTime } from '../app/format';
import { STATUS_COLORS } from '../shared/households';
import { can } from '../shared/session';
import { householdCache, procedureCache, type CachedHousehold } from './db';
import { householdHead, openStepName } from './facts';
import { FieldBar, FieldBody } from './FieldRoutes';
import { useFieldUser, useLoad, useOnline, useOutbox } from './hooks';
import { FILE_KIND_LABELS, STATE_LABELS } from './queue';

const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

/** The household from the server (kept on the phone for next time), or as the phone has it. */
async function loadHousehold(id: number, online: boolean, withPairing: boolean): Promise<{ h: CachedHousehold; fresh: boolean }> {
  const cached = await householdCache.get(id);
  if (online) {
    try {
      const [household, pairing] = await Promise.all([get<Household>(`/api/registry/households/${id}`), withPairing ? get<HouseholdPairing>(`/api/pairing/households/${id}`) : Promise.resolve(null)]);
      const head = householdHead(household);
      const hit: HouseholdHit = cached?.hit ?? {
        id,
        villageCode: household.villageCode,
        villageName: household.village.name,
        number: household.number,
        attribute: household.attribute,
        status: household.status,
        statusYear: household.statusYear,
        mainCause: household.mainCause,
        head,
        size: household.persons.length,
      };
      const h: CachedHousehold = { id, hit: { ...hit, status: household.status, size: household.persons.length, head }, household, pairing, downloadedAt: new Date().toISOString() };
      await householdCache.put(h);
      return { h, fresh: true };
    } catch (e) {
      if (!cached) throw e;
    }
  }
  if (!cached) throw new Error('这户还没有下载到手机，请联网后打开');
  return { h: cached, fresh: false };
}

async function loadProcedures(id: number, online: boolean, mayHandle: boolean): Promise<Procedure[]> {
  if (!mayHandle) return [];
  if (online) {
    try {
      const list = await get<Page<ProcedureItem>>('/api/procedures', { householdId: id, state: 'running', pageSize: 20 });
      const out = await Promise.all(list.items.map((p) => get<Procedure>(`/api/procedures/${p.id}`)));
      for (const p of out) await procedureCache.put(p);
      return out;
    } catch {
      // Offline after all: what the phone has.
    }
  }
  return (await procedureCache.all()).filter((p) => p.householdId === id && p.state === 'running');
}

export function FieldHouseholdPage() {
  const id = Number(useParams().id);
  const { me } = useFieldUser();
  const online = useOnline();
  const outbox = useOutbox();
  const mayHandle = can(me, 'procedures.handle');
  const data = useLoad(async () => ({ ...(await loadHousehold(id, online, can(me, 'pairing.read'))), procedures: await loadProcedures(id, online, mayHandle) }), [id, online]);

  if (data.loading && !data.data) return (<><FieldBar title="扶贫手册" back="/field" /><Spin style={{ display: 'block', margin: '80px auto' }} /></>);
  if (!data.data)
    return (
      <>
        <FieldBar title="扶贫手册" back="/field" />
        <FieldBody>
          <Alert type="error" showIcon title={errorMessage(data.error)} />
        </FieldBody>
      </>
    );
  const { h, fresh, procedures } = data.data;
  const hh = h.household;
  const income = hh.incomes.length ? hh.incomes.reduce((a, b) => (b.year > a.year ? b : a)) : null;
  const helpers = h.pairing?.helpers.filter((a) => a.current) ?? [];
  const visits = [...(h.pairing?.visits ?? [])].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn)).slice(0, 5);
  const queued = (outbox ?? []).filter((i) => i.type === 'visit' && i.householdId === id && i.state !== 'sent');

  return (
    <>
      <FieldBar title={`扶贫手册 · ${householdHead(hh)}`} back="/field" />
      <FieldBody>
        {!fresh ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`手机上的数据，下载于 ${formatDateTime(h.downloadedAt)}`} /> : null}
        <Card size="small" style={{ marginBottom: 12 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="field-household-head">
              {householdHead(hh)}
            </Typography.Title>
            <Tag color={STATUS_COLORS[hh.status]}>{hh.status}</Tag>
          </div>
          <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
            <Descriptions.Item label="户编号">{hh.number}</Descriptions.Item>
            <Descriptions.Item label="所在村">{hh.village.path.slice(-3).map((s) => s.name).join(' ') || hh.village.name}</Descriptions.Item>
            <Descriptions.Item label="户属性">{hh.attribute}</Descriptions.Item>
            <Descriptions.Item label="识别年度">{hh.identifiedYear}</Descriptions.Item>
            <Descriptions.Item label="主要致贫原因">{hh.mainCause}</Descriptions.Item>
            <Descriptions.Item label="两不愁三保障">
              {[hh.foodSecure ? '不愁吃' : '愁吃', hh.clothingSecure ? '不愁穿' : '愁穿', hh.housingSafe ? '住房安全' : '住房不安全', hh.drinkingWaterSafe ? '饮水安全' : '饮水不安全'].join('、')}
            </Descriptions.Item>
          </Descriptions>
        </Card>

        <div style={{ display: 'grid', gridTemplateColumns: mayHandle ? '1fr 1fr' : '1fr', gap: 8, marginBottom: 12 }}>
          {can(me, 'visits.write') ? (
            <Link to={`/field/households/${id}/visit`}>
              <Button type="primary" size="large" block style={{ height: 56, fontSize: 18 }}>
                记录走访
              </Button>
            </Link>
          ) : null}
          {mayHandle ? (
            procedures.length ? (
              <Link to={`/field/procedures/${procedures[0]!.id}/evidence`}>
                <Button size="large" block style={{ height: 56, fontSize: 18 }}>
                  程序佐证
                </Button>
              </Link>
            ) : (
              <Button size="large" block disabled style={{ height: 56 }}>
                无办理中的程序
              </Button>
            )
          ) : null}
        </div>
        {procedures.length > 1 ? (
          <Card size="small" title="办理中的程序" style={{ marginBottom: 12 }}>
            {procedures.map((p) => (
              <div key={p.id}>
                <Link to={`/field/procedures/${p.id}/evidence`}>
                  {p.kindLabel}：{openStepName(p)}
                </Link>
              </div>
            ))}
          </Card>
        ) : null}
        {queued.length ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`本户有 ${queued.length} 条走访待上传`} action={<Link to="/field/outbox">查看</Link>} /> : null}

        <Card size="small" title={`家庭成员（${hh.persons.length}人）`} style={{ marginBottom: 12 }}>
          {hh.persons.map((p) => (
            <div key={p.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <div>
                <strong>{p.name}</strong> <Tag>{p.relation}</Tag>
                {p.sex} · {p.birthDate}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                身份证号 {p.idNumber} · {p.health} · {p.labour}
                {p.schooling ? ` · ${p.schooling}` : ''}
              </Typography.Text>
            </div>
          ))}
        </Card>

        <Card size="small" title="收入与脱贫标准" style={{ marginBottom: 12 }}>
          {income ? (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="年度">{income.year}</Descriptions.Item>
              <Descriptions.Item label="家庭纯收入">{yuan(income.result.netIncome)}</Descriptions.Item>
              <Descriptions.Item label="人均纯收入">{yuan(income.result.perCapita)}</Descriptions.Item>
              {hh.verdicts ? (
                <>
                  <Descriptions.Item label="扶贫标准">
                    {hh.verdicts.line.year}年{hh.verdicts.line.scope} {yuan(hh.verdicts.line.yuan)}
                  </Descriptions.Item>
                  <Descriptions.Item label="脱贫标准">
                    <Tag color={hh.verdicts.exit.passed ? 'green' : 'red'}>{hh.verdicts.exit.passed ? '达到' : '未达到'}</Tag>
                  </Descriptions.Item>
                </>
              ) : null}
            </Descriptions>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未录入收入" />
          )}
        </Card>

        {h.pairing ? (
          <>
            <Card size="small" title="帮扶责任人" style={{ marginBottom: 12 }}>
              {helpers.length ? (
                helpers.map((a) => (
                  <div key={a.id}>
                    <strong>{a.helperName}</strong> {a.unit}
                    {a.post ? ` · ${a.post}` : ''} · 自 {a.fromOn}
                    {a.phone ? (
                      <div>
                        <a href={`tel:${a.phone}`}>{a.phone}</a>
                      </div>
                    ) : null}
                  </div>
                ))
              ) : (
                <Typography.Text type="secondary">暂无帮扶责任人</Typography.Text>
              )}
            </Card>
            <Card size="small" title="最近走访" style={{ marginBottom: 12 }} data-testid="field-visits">
              {h.pairing.halfYear.problem ? <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={h.pairing.halfYear.problem} /> : null}
              {visits.length ? (
                visits.map((v) => (
                  <div key={v.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                    <div>
                      {v.visitedOn} <Tag>{v.kind}</Tag> {v.visitor}
                    </div>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{v.content}</div>
                    {v.attachments.length ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        附件 {v.attachments.length} 个
                        {(() => {
                          const kinds = v.attachments.map((a) => a.kind).filter((k): k is keyof typeof FILE_KIND_LABELS => !!k && k in FILE_KIND_LABELS);
                          return kinds.length ? `（${[...new Set(kinds)].map((k) => FILE_KIND_LABELS[k]).join('、')}）` : '';
                        })()}
                      </Typography.Text>
                    ) : null}
                  </div>
                ))
              ) : (
                <Typography.Text type="secondary">暂无走访记录</Typography.Text>
              )}
              {queued.map((i) => (
                <div key={i.id} style={{ padding: '6px 0' }}>
                  <Tag color="gold">{STATE_LABELS[i.state]}</Tag>
                  {i.type === 'visit' ? `${i.visit.visitedOn ?? ''} ${i.visit.content.slice(0, 30)}` : ''}
                </div>
              ))}
            </Card>
          </>
        ) : null}
      </FieldBody>
    </>
  );
}
