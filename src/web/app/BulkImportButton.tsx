import { CopyOutlined, DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Result, Space, Table, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ImportedUser, RecordImportResult, UserImportResult } from '../../contract/bulk-import';
import { ImportFailed, ImportFileField, ImportProgress } from './ImportWidgets';
import { useImportUpload } from './useImportUpload';

/** The server's limit for these imports (`accounts` uploads: 5 MB, 5,000 rows). */
const MAX_MB = 5;

/**
 * 批量导入 on a list page (issue 11: users, members, helpers): a button opening a dialog to download the template,
 * upload the filled file, and see either every error by row and column (nothing written) or what was created.
 */
export function BulkImportButton<T extends RecordImportResult | UserImportResult>(props: {
  /** What a row is: 用户, 委员, 帮扶责任人. */
  what: string;
  templateUrl: string;
  importUrl: string;
  /** The query key refreshed after a successful import. */
  invalidate: string;
  /** Shown under the count after a successful import (the users' first passwords). */
  done?: (result: T) => ReactNode;
  hint?: string;
}) {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const importing = useImportUpload<T>(props.importUrl, props.invalidate);
  const { phase, reset } = importing;
  const close = () => {
    if (importing.busy) return;
    // The first passwords are shown once: closing after a successful import clears them.
    setOpen(false);
    setFile(null);
    reset();
  };
  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => setOpen(true)} data-testid="bulk-import">
        批量导入
      </Button>
      <Modal title={`批量导入${props.what}`} open={open} onCancel={close} footer={<Button onClick={close}>关闭</Button>} width={860} destroyOnHidden maskClosable={false}>
        <Typography.Paragraph type="secondary">
          下载导入模板，按“填报说明”从第 3 行起每行填写 1 个{props.what}后上传。系统先逐行校验：任何一行有错误时整个文件都不会导入，并列出每处错误的行、列和原因。
          {props.hint}
        </Typography.Paragraph>
        <Space style={{ marginBottom: 16 }}>
          <Button icon={<DownloadOutlined />} href={props.templateUrl} download>
            下载导入模板（.xlsx）
          </Button>
        </Space>
        <Form layout="vertical">
          <ImportFileField label={`${props.what}文件`} maxMB={MAX_MB} hint={`按导入模板填写的${props.what}文件（.xlsx，最多 5,000 行）`} file={file} setFile={setFile} upload={importing} start={() => file && importing.start(file)} />
        </Form>
        <ImportProgress phase={phase} describe={() => ({ text: '上传完成，正在逐行校验并写入…', percent: 100 })} />
        {phase.kind === 'done' && (
          <Result status="success" title={`成功导入 ${phase.result.created} 个${props.what}`} style={{ padding: '24px 0' }}>
            {props.done?.(phase.result)}
          </Result>
        )}
        <ImportFailed phase={phase} title={`导入失败，未写入任何${props.what}`} />
      </Modal>
    </>
  );
}

/** The accounts' first passwords as tab-separated text (pastes into Excel) and as a CSV download. */
function passwordsText(users: ImportedUser[], sep: string): string {
  const quote = (v: string) => (sep === ',' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [['用户名', '姓名', '角色', '单位', '初始密码'], ...users.map((u) => [u.username, u.displayName, u.roleName, u.orgName, u.password])].map((r) => r.map(quote).join(sep)).join('\n');
}

/** The users' first passwords, shown once after the import, with copy and download. */
export function FirstPasswords({ result }: { result: UserImportResult }) {
  const { message } = App.useApp();
  const download = () => {
    const blob = new Blob(['\uFEFF' + passwordsText(result.users, ',')], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = '导入用户初始密码.csv';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <div style={{ textAlign: 'left' }}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="初始密码只显示这一次" description="请复制或下载后妥善转交各用户；用户首次登录须修改密码。关闭本窗口后无法再次查看，只能重置密码。" />
      <Space style={{ marginBottom: 12 }}>
        <Button
          icon={<CopyOutlined />}
          onClick={() =>
            void navigator.clipboard.writeText(passwordsText(result.users, '\t')).then(
              () => message.success('已复制，可直接粘贴到表格软件'),
              () => message.error('复制失败，请下载'),
            )
          }
        >
          复制全部
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          下载（.csv）
        </Button>
      </Space>
      <Table<ImportedUser>
        data-testid="first-passwords"
        size="small"
        rowKey="id"
        dataSource={result.users}
        pagination={result.users.length > 20 ? { pageSize: 20 } : false}
        columns={[
          { title: '行', dataIndex: 'row', width: 60, align: 'right' },
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roleName' },
          { title: '单位', dataIndex: 'orgName' },
          { title: '初始密码', dataIndex: 'password', render: (v: string) => <Typography.Text code copyable>{v}</Typography.Text> },
        ]}
      />
    </div>
  );
}
