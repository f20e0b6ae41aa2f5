import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Progress, Space, Table, Typography, Upload } from 'antd';
import { Link } from 'react-router-dom';
import type { FieldError } from './api';
import type { ImportPhase, ServerProgress } from './useImportUpload';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The drop zone of an import: one file (by default a .xlsx), refused before upload when over `maxMB`. */
export function XlsxDropzone(props: {
  file: File | null;
  onFile: (file: File | null) => void;
  onTooLarge: (message: string) => void;
  failed: boolean;
  busy: boolean;
  maxMB: number;
  hint: string;
  accept?: string;
  /** The words in the zone: 点击选择或将文件拖到此处 unless told. */
  text?: string;
}) {
  const { file, onFile, onTooLarge, failed, busy, maxMB, hint } = props;
  return (
    <Upload.Dragger
      accept={props.accept ?? XLSX_ACCEPT}
      maxCount={1}
      disabled={busy}
      fileList={file ? [{ uid: 'import-file', name: file.name, size: file.size, status: failed ? 'error' : 'done' }] : []}
      beforeUpload={(f) => {
        if (f.size > maxMB * 1024 * 1024) {
          onTooLarge(`文件超过 ${maxMB}MB，请拆分后分批导入`);
          return Upload.LIST_IGNORE;
        }
        onFile(f);
        return false;
      }}
      onRemove={() => onFile(null)}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{props.text ?? '点击选择或将文件拖到此处'}</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
  );
}

/** Every error of a refused import: row, column, field and reason. */
export function ImportErrorTable({ fields }: { fields: FieldError[] }) {
  return (
    <Table<FieldError & { key: number }>
      data-testid="import-errors"
      size="small"
      bordered
      dataSource={fields.map((f, i) => ({ ...f, key: i }))}
      pagination={fields.length > 50 ? { pageSize: 50, showTotal: (t) => `共 ${t} 处错误` } : false}
      columns={[
        { title: '行', dataIndex: 'row', width: 80, align: 'right', render: (v: number | undefined) => v ?? '—' },
        { title: '列', dataIndex: 'column', width: 80, align: 'center', render: (v: string | undefined) => v || '—' },
        { title: '字段', dataIndex: 'label', width: 200 },
        { title: '原因', dataIndex: 'message' },
      ]}
    />
  );
}

/** After a successful import: a link to where the imported records are, and 继续导入 (clears the file, starts again). */
export function ImportDoneActions({ to, label, onAgain }: { to: string; label: string; onAgain: () => void }) {
  return (
    <Space>
      <Link to={to}>
        <Button type="primary">{label}</Button>
      </Link>
      <Button onClick={onAgain}>继续导入</Button>
    </Space>
  );
}

/** A refused import: why, and when the server named them, every error to fix (`title` says nothing was written). */
export function ImportFailed({ phase, title }: { phase: ImportPhase<unknown>; title: string }) {
  if (phase.kind !== 'failed') return null;
  const described = phase.fields.length > 0 ? `${phase.message.replace(/[。.]$/, '')}。请按下表所列的行、列和原因逐一修改后重新导入。` : phase.message;
  return (
    <div style={{ marginTop: 24 }}>
      <Alert type="error" showIcon title={title} description={described} style={{ marginBottom: 16 }} />
      {phase.fields.length > 0 && <ImportErrorTable fields={phase.fields} />}
    </div>
  );
}

/**
 * How far an import is: the upload's percentage, then the server's progress as `describe` words it (phase text and
 * a percentage; called without progress while the server has not reported any yet).
 */
export function ImportProgress(props: { phase: ImportPhase<unknown>; describe: (server: ServerProgress | undefined) => { text: string; percent: number } }) {
  const { phase, describe } = props;
  if (phase.kind !== 'uploading' && phase.kind !== 'processing') return null;
  const shown = phase.kind === 'uploading' ? { text: '正在上传…', percent: phase.percent } : describe(phase.server);
  return (
    <div style={{ maxWidth: 640, marginTop: 24 }} data-testid="import-progress">
      <Typography.Text data-testid="import-progress-text">{shown.text}</Typography.Text>
      <Progress
        percent={Math.min(100, Math.max(0, Math.floor(shown.percent)))}
        status={phase.kind === 'processing' ? 'active' : 'normal'}
        aria-label={phase.kind === 'uploading' ? '上传进度' : '导入进度'}
      />
    </div>
  );
}

/**
 * The file field and the buttons of an import page: the drop zone (a new file clears the last outcome), 开始导入 and,
 * while the upload can still be stopped, the cancel button. `upload` is what `useImportUpload` returns.
 */
export function ImportFileField(props: {
  label: string;
  maxMB: number;
  hint: string;
  file: File | null;
  setFile: (f: File | null) => void;
  upload: { phase: { kind: string }; reset: () => void; fail: (message: string) => void; abort: () => void; busy: boolean; canAbort?: boolean };
  start: () => void;
  abortLabel?: string;
  /** File types offered (default .xlsx) and the line under the field saying so. */
  accept?: string;
  formats?: string;
}) {
  const { phase, reset, fail, abort, busy } = props.upload;
  const canAbort = props.upload.canAbort ?? busy;
  return (
    <>
      <Form.Item label={props.label} extra={`仅支持 ${props.formats ?? '.xlsx'} 格式，最大 ${props.maxMB}MB`}>
        <XlsxDropzone
          file={props.file}
          onFile={(f) => {
            props.setFile(f);
            reset();
          }}
          onTooLarge={fail}
          failed={phase.kind === 'failed'}
          busy={busy}
          maxMB={props.maxMB}
          hint={props.hint}
          accept={props.accept}
        />
      </Form.Item>
      <Space>
        <Button type="primary" icon={<UploadOutlined />} disabled={!props.file || busy || phase.kind === 'done'} loading={busy} onClick={props.start}>
          开始导入
        </Button>
        {canAbort && <Button onClick={abort}>{props.abortLabel ?? '取消'}</Button>}
      </Space>
    </>
  );
}

