/**
 * 佐证材料: the files kept with each step (minutes, photos, notices, reports) — listed for download, and uploaded for
 * a chosen step by those who run procedures.
 */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Select, Space, Table, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../app/api';
import { formatDateTime } from '../app/format';
import { attachmentUrl, EVIDENCE_ACCEPT, uploadEvidence, type Attachment, type Procedure } from './api';
import { fileSize } from './labels';

/** A file as a download link. */
export function FileLink({ file }: { file: Attachment }) {
  return (
    <Typography.Link href={attachmentUrl(file.id)} download={file.fileName}>
      <PaperClipOutlined /> {file.fileName}
    </Typography.Link>
  );
}

export function Evidence({ procedure, mayUpload }: { procedure: Procedure; mayUpload: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const steps = procedure.definition.steps;
  const [step, setStep] = useState(Math.min(procedure.currentStep, steps.length - 1));
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stepName = (i: number | null) => (i === null ? '—' : `第 ${i + 1} 步 ${steps[i]?.name ?? ''}`);

  const upload = (file: File) => {
    setError(null);
    setPercent(0);
    uploadEvidence(procedure.id, step, file, (p) => setPercent(p.percent))
      .promise.then(async (a) => {
        void message.success(`已上传“${a.fileName}”`);
        await qc.invalidateQueries({ queryKey: ['procedures', 'one', procedure.id] });
      })
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setPercent(null));
  };

  return (
    <>
      {mayUpload && (
        <Space wrap style={{ marginBottom: 12 }}>
          <span>上传到</span>
          <Select<number>
            aria-label="佐证材料所属步骤"
            value={step}
            onChange={setStep}
            style={{ width: 280 }}
            options={steps.map((s, i) => ({ value: i, label: stepName(i), disabled: procedure.state === 'running' && i > procedure.currentStep }))}
          />
          <Upload
            accept={EVIDENCE_ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              upload(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={percent !== null}>
              上传佐证材料
            </Button>
          </Upload>
          {percent !== null && <Progress percent={percent} size="small" style={{ width: 160 }} />}
          <Typography.Text type="secondary">图片、PDF、Word 或 Excel（.xlsx），不超过 20 MB</Typography.Text>
        </Space>
      )}
      {error && <Alert type="error" showIcon title="未上传" description={error} data-testid="evidence-error" style={{ marginBottom: 12 }} closable={{ onClose: () => setError(null) }} />}
      <Table<Attachment>
        data-testid="procedure-evidence"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={procedure.attachments}
        locale={{ emptyText: '尚无佐证材料' }}
        columns={[
          { title: '步骤', dataIndex: 'stepIndex', width: 220, render: (i: number | null) => stepName(i) },
          { title: '文件', render: (_, a) => <FileLink file={a} /> },
          { title: '大小', dataIndex: 'size', width: 90, align: 'right', render: (n: number) => fileSize(n) },
          { title: '上传时间', dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
        ]}
      />
    </>
  );
}
