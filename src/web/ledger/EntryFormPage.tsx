import { Alert, App, Breadcrumb, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorResult } from '../app/ErrorResult';
import { EntryForm } from './EntryForm';
import { useCreateEntry, useEntry, useUpdateEntry } from './api';
import { useIdParam } from '../app/params';

export function EntryCreatePage() {
  const create = useCreateEntry();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/ledger">活动台账</Link> }, { title: '录入事项' }]} style={{ marginBottom: 12 }} />
      <Typography.Title level={3}>录入事项</Typography.Title>
      <Typography.Paragraph type="secondary">
        1件事（包括结对帮扶的1个村或1户贫困户）只录入1次；同一帮扶事项的具体内容、金额、受益人数等有变化的在该事项中修改。
      </Typography.Paragraph>
      <EntryForm
        submitText="保存"
        onSubmit={async (input) => {
          const entry = await create.mutateAsync(input);
          void message.success('事项已录入台账');
          navigate(`/ledger/${entry.id}`);
        }}
        onCancel={() => navigate('/ledger')}
      />
    </>
  );
}

export function EntryEditPage() {
  const id = useIdParam();
  const entry = useEntry(id);
  const update = useUpdateEntry();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [stale, setStale] = useState(false);

  if (entry.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (entry.isError || !entry.data) return <ErrorResult error={entry.error} onRetry={() => void entry.refetch()} />;
  const current = entry.data;

  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to="/ledger">活动台账</Link> },
          { title: <Link to={`/ledger/${current.id}`}>事项 #{current.id}</Link> },
          { title: '修改' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Typography.Title level={3}>修改事项</Typography.Title>
      {stale && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setStale(false) }}
          style={{ marginBottom: 16 }}
          title="该事项已被他人修改"
          description="您打开此页面后，其他用户修改了这条事项。页面已重新载入最新内容，请核对后再修改并保存。"
          data-testid="stale-version-alert"
        />
      )}
      <EntryForm
        key={current.version}
        entry={current}
        submitText="保存修改"
        onSubmit={async (input) => {
          const saved = await update.mutateAsync({ ...input, id: current.id, version: current.version });
          void message.success('修改已保存');
          navigate(`/ledger/${saved.id}`);
        }}
        onStale={() => {
          setStale(true);
          window.scrollTo({ top: 0, behavior: 'smooth' });
          void entry.refetch();
        }}
        onCancel={() => navigate(`/ledger/${current.id}`)}
      />
    </>
  );
}
