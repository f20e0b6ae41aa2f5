import { Alert, Button } from 'antd';
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
