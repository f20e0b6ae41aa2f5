/**
 * 我的户: the households on this phone (a 帮扶责任人's own, a 村级信息员's village), what is due this half-year, the
 * search (online through the registry's search, offline in the downloaded ones) and 下载到手机/更新.
 */
import { Alert, Button, Card, Empty, Input, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Page } from '../../contract/page';
import type { HouseholdHit } from '../../contract/registry/households';
import { errorMessage, get } from '../app/api';
import { formatDateTime } from '../app/format';
import { STATUS_COLORS } from '../shared/households';
import { cachedMissing, downloadedAt, householdCache, type CachedHousehold } from './db';
import { downloadHouseholds } from './download';
import { FieldBar, FieldBody } from './FieldRoutes';
import { useFieldUser, useLoad, useOnline } from './hooks';
import { matchesHousehold } from './search';

interface Row {
  id: number;
  head: string;
  number: string;
  village: string;
  status: string;
  size: number;
  cached: boolean;
}

const rowOfHit = (h: HouseholdHit, cached: boolean): Row => ({ id: h.id, head: h.head ?? '（无户主）', number: h.number, village: h.villageName ?? h.villageCode, status: h.status, size: h.size, cached });

export function FieldHomePage() {
  const { me } = useFieldUser();
  const online = useOnline();
  const local = useLoad(async () => ({ households: await householdCache.all(), missing: await cachedMissing(), at: await downloadedAt() }), []);
  const [q, setQ] = useState('');
  const [remote, setRemote] = useState<{ q: string; hits: HouseholdHit[] } | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const cached = useMemo(() => new Map((local.data?.households ?? []).map((h) => [h.id, h])), [local.data]);
  const due = useMemo(() => new Set((local.data?.missing ?? []).map((m) => m.householdId)), [local.data]);
  const term = q.trim();

  // Online, the server searches as well (a whole ID number, households not downloaded); offline, the phone alone.
  useEffect(() => {
    if (!online || !term) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      get<Page<HouseholdHit>>('/api/registry/households', { q: term, pageSize: 50 }, ctl.signal).then(
        (res) => {
          setRemote({ q: term, hits: res.items });
          setSearchError(null);
        },
        (e: unknown) => !ctl.signal.aborted && setSearchError(errorMessage(e)),
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [online, term]);

  const rows: Row[] = useMemo(() => {
    const all = [...cached.values()];
    if (!term) return all.map((h) => rowOfHit(h.hit, true)).sort((a, b) => Number(due.has(b.id)) - Number(due.has(a.id)) || a.number.localeCompare(b.number));
    // The phone's own matches (any part of an ID number it holds), then the server's further ones (a whole ID number).
    const mine = all.filter((h: CachedHousehold) => matchesHousehold(h.household, term)).map((h) => rowOfHit(h.hit, true));
    const more = online && remote?.q === term ? remote.hits.filter((h) => !mine.some((m) => m.id === h.id)).map((h) => rowOfHit(h, cached.has(h.id))) : [];
    return [...mine, ...more];
  }, [cached, due, term, online, remote]);

  const download = async () => {
    setDownloadError(null);
    setProgress({ done: 0, total: 0 });
    try {
      await downloadHouseholds(me, (done, total) => setProgress({ done, total }));
      local.reload();
    } catch (e) {
      setDownloadError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  const dueCount = [...due].filter((id) => cached.has(id)).length;
  return (
    <>
      <FieldBar title="入户工作 · 我的户" />
      <FieldBody>
        <Card size="small" style={{ marginBottom: 12 }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
            <div style={{ minWidth: 0 }}>
              <div>
                {me.displayName}（{me.roleName}）
              </div>
              <Typography.Text type="secondary" data-testid="field-downloaded-at">
                {local.data?.at ? `上次下载：${formatDateTime(local.data.at)}，共 ${cached.size} 户` : '尚未下载到手机'}
              </Typography.Text>
            </div>
            <Button type="primary" size="large" onClick={() => void download()} disabled={!online || !!progress} loading={!!progress}>
              {local.data?.at ? '更新' : '下载到手机'}
            </Button>
          </div>
          {progress && progress.total > 0 ? <Progress percent={Math.round((progress.done / progress.total) * 100)} size="small" /> : null}
          {!online ? <Alert type="warning" showIcon style={{ marginTop: 8 }} title="现在没有网络：显示手机上已下载的户，记录的走访联网后自动上传" /> : null}
          {downloadError ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={`下载失败：${downloadError}`} /> : null}
        </Card>
        {dueCount > 0 ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`本半年还有 ${dueCount} 户脱贫户未上门回访`} data-testid="field-due" /> : null}
        <Input.Search
          size="large"
          allowClear
          placeholder="姓名、身份证号（部分）或户编号"
          aria-label="查找贫困户"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ marginBottom: 12 }}
        />
        {searchError ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={searchError} /> : null}
        {rows.length === 0 ? (
          <Empty description={term ? '没有找到符合条件的户' : '手机上还没有户，请先“下载到手机”'} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }} size={8} data-testid="field-households">
            {rows.map((r) => (
              <Link key={r.id} to={`/field/households/${r.id}`} style={{ display: 'block', color: 'inherit' }} data-testid="field-household">
                <Card size="small" hoverable>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
                    <strong style={{ fontSize: 16 }}>{r.head}</strong>
                    <span>
                      <Tag color={STATUS_COLORS[r.status]}>{r.status}</Tag>
                      {due.has(r.id) ? <Tag color="red">本半年待走访</Tag> : null}
                      {!r.cached ? <Tag>未下载</Tag> : null}
                    </span>
                  </div>
                  <Typography.Text type="secondary">
                    {r.village} · 户编号 {r.number} · {r.size}人
                  </Typography.Text>
                </Card>
              </Link>
            ))}
          </Space>
        )}
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/">返回工作台</Link>
        </div>
      </FieldBody>
    </>
  );
}
