import { DownloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Form, Progress, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ImportDoneActions, ImportFailed, ImportFileField } from '../app/ImportWidgets';
import { useImportUpload } from '../app/useImportUpload';
import { useMe } from '../shared/session';
import { OrgSelect } from '../shared/OrgSelect';
import { TEMPLATE_URL, type ImportResult } from './api';



export function ImportPage() {
  const me = useMe().data;
  const [orgId, setOrgId] = useState<number | undefined>(me?.orgId);
  const [file, setFile] = useState<File | null>(null);
  const importing = useImportUpload<ImportResult>('/api/ledger/import', 'ledger');
  const { phase, reset, start: upload, busy } = importing;

  const start = () => {
    if (file) upload(file, { orgId });
  };


  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/ledger">活动台账</Link> }, { title: '批量导入' }]} style={{ marginBottom: 12 }} />
      <Typography.Title level={3}>批量导入事项</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>
        请先下载导入模板，按模板中的“填报说明”逐行填写事项（每行 1 件事），再选择文件导入。导入前会逐行校验：任何一行有错误时，整个文件都不会写入，
        请按下方列出的行、列和原因修改后重新导入。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} download>
          下载导入模板（.xlsx）
        </Button>
      </Space>

      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item label="导入到填报单位" htmlFor="import-org">
          <OrgSelect id="import-org" value={orgId} onChange={setOrgId} disabled={busy} style={{ width: '100%' }} />
        </Form.Item>
        <ImportFileField label="台账文件" maxMB={20} hint="按导入模板填写的台账文件（.xlsx）" file={file} setFile={setFile} upload={importing} start={start} />
      </Form>

      {(phase.kind === 'uploading' || phase.kind === 'processing') && (
        <div style={{ maxWidth: 640, marginTop: 24 }} data-testid="import-progress">
          <Typography.Text>{phase.kind === 'uploading' ? '正在上传…' : '上传完成，正在逐行校验并写入台账…'}</Typography.Text>
          <Progress
            percent={phase.kind === 'uploading' ? phase.percent : 100}
            status={phase.kind === 'processing' ? 'active' : 'normal'}
            aria-label="上传进度"
          />
        </div>
      )}

      {phase.kind === 'done' && (
        <Result
          status="success"
          title={`成功导入 ${phase.result.imported} 件事项`}
          subTitle="导入的事项已计入台账和汇总。"
          extra={
            <ImportDoneActions to="/ledger" label="查看台账" onAgain={() => { setFile(null); reset(); }} />
          }
        />
      )}

      <ImportFailed phase={phase} title="导入失败，未写入任何事项" />
    </>
  );
}
