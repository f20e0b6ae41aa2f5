import { Alert, Button, Spin } from 'antd';
import { errorMessage } from './api';

/** A load error shown in place of a page's content, with a retry button. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={errorMessage(error)}
      action={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
      style={{ margin: '16px 0' }}
    />
  );
}

/** In place of a page until its data is there: the load error with a retry, or else a spinner. */
export function NotLoaded({ query }: { query: { isError: boolean; error: unknown; refetch: () => unknown } }) {
  return query.isError ? <ErrorResult error={query.error} onRetry={() => void query.refetch()} /> : <Spin style={{ display: 'block', margin: '80px auto' }} />;
}
