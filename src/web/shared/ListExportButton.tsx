import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { withQuery } from '../app/api';

/** 导出 on a list page: the whole list under the filters shown, as a spreadsheet; nothing to export, no button to press. */
export function ListExportButton({ url, filters, total, testId }: { url: string; filters: Parameters<typeof withQuery>[1]; total: number | undefined; testId: string }) {
  return (
    <Button icon={<DownloadOutlined />} href={withQuery(url, filters)} download disabled={!total} data-testid={testId}>
      导出
    </Button>
  );
}
