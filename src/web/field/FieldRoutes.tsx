/**
 * 入户工作 (issue 12): the field pages of the 帮扶责任人 and 村级信息员 at phone size, working offline. Mounted outside the
 * platform's layout: they have their own header bar (the 待上传 badge, online or not) and need no menu; the user
 * comes from the server, or as last seen on this phone when there is no network.
 */
import { Button, Result, Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../app/api';
import { useMe } from '../shared/session';
import { fieldDb, rememberedUser, rememberUser } from './db';
import { EvidencePage } from './EvidencePage';
import { FieldHomePage } from './FieldHomePage';
import { FieldHouseholdPage } from './FieldHouseholdPage';
import { FieldUser, useOnline, useOutbox } from './hooks';
import { OutboxPage } from './OutboxPage';
import { waitingCount } from './queue';
import { startSync } from './sync';
import { VisitFormPage } from './VisitFormPage';

function FieldAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const from = location.pathname + location.search;
  useEffect(() => {
    // Signed out (the server says so): the phone no longer opens this user's pages offline.
    if (me.data === null) rememberUser(null);
    if (me.data) {
      rememberUser(me.data);
      void fieldDb(me.data.id);
      startSync();
    }
  }, [me.data]);
  if (me.isLoading) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  // A password to change first: the platform's page asks for it.
  if (me.data?.mustChangePassword) return <Navigate to="/" replace />;
  if (me.data) return <FieldUser.Provider value={{ me: me.data, offline: false }}>{children}</FieldUser.Provider>;
  const offline = me.isError && me.error instanceof ApiError && me.error.code === 'NETWORK';
  const remembered = offline ? rememberedUser() : null;
  if (remembered) return <FieldUser.Provider value={{ me: remembered, offline: true }}>{children}</FieldUser.Provider>;
  if (me.isError) return <Result status="warning" title="无法连接服务器" subTitle="这部手机上还没有下载过数据，请联网后登录" extra={<Button onClick={() => void me.refetch()}>重试</Button>} />;
  return <Navigate to={`/login?from=${encodeURIComponent(from)}`} replace />;
}

/** The header bar of every field page: back, the title, the network's state and what waits to be sent. */
export function FieldBar({ title, back }: { title: string; back?: string }) {
  const online = useOnline();
  const items = useOutbox();
  const navigate = useNavigate();
  const waiting = items ? waitingCount(items) : 0;
  return (
    <header style={{ position: 'sticky', top: 0, zIndex: 10, background: '#b71c1c', color: '#fff', padding: '8px 12px', display: 'flex', alignItems: 'center', gap: 8 }}>
      {back ? (
        <button type="button" aria-label="返回" onClick={() => navigate(back)} style={{ background: 'none', border: 0, color: '#fff', fontSize: 20, padding: '0 4px', cursor: 'pointer' }}>
          ‹
        </button>
      ) : null}
      <h1 style={{ margin: 0, fontSize: 17, fontWeight: 600, flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{title}</h1>
      <span data-testid="field-network" style={{ fontSize: 12, padding: '1px 6px', borderRadius: 10, background: online ? 'rgba(255,255,255,.2)' : '#424242', whiteSpace: 'nowrap' }}>
        {online ? '在线' : '离线'}
      </span>
      <Link
        to="/field/outbox"
        data-testid="field-badge"
        style={{ color: waiting ? '#b71c1c' : '#fff', background: waiting ? '#ffd54f' : 'rgba(255,255,255,.2)', fontSize: 12, padding: '1px 8px', borderRadius: 10, whiteSpace: 'nowrap', fontWeight: waiting ? 600 : 400 }}
      >
        {waiting ? `待上传 ${waiting}` : '无待上传'}
      </Link>
    </header>
  );
}

/** The body of a field page: the phone's width, nothing wider. */
export function FieldBody({ children }: { children: ReactNode }) {
  return <main style={{ padding: 12, maxWidth: 640, margin: '0 auto', boxSizing: 'border-box', width: '100%', overflowWrap: 'anywhere' }}>{children}</main>;
}

export function FieldRoutes() {
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', overflowX: 'hidden' }}>
      <FieldAuth>
        <Routes>
          <Route index element={<FieldHomePage />} />
          <Route path="households/:id" element={<FieldHouseholdPage />} />
          <Route path="households/:id/visit" element={<VisitFormPage />} />
          <Route path="procedures/:id/evidence" element={<EvidencePage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="*" element={<Navigate to="/field" replace />} />
        </Routes>
      </FieldAuth>
    </div>
  );
}
