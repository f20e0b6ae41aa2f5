import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';

/**
 * The server refused a save because someone else changed the record since it was opened (409 STALE_VERSION): the
 * warning says so, with a 重新载入 button that runs `onReload` (spinning until it settles).
 */
export function FormStaleAlert({ testId, title, description, onReload }: { testId: string; title: string; description: string; onReload: () => Promise<unknown> }) {
  const [reloading, setReloading] = useState(false);
  const reload = () => {
    setReloading(true);
    void onReload().finally(() => setReloading(false));
  };
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid={testId}
      title={title}
      description={description}
      action={
        <Button size="small" type="primary" icon={<ReloadOutlined />} loading={reloading} onClick={reload}>
          重新载入
        </Button>
      }
    />
  );
}
