/**
 * 导入部门名单: choose an .xlsx or .csv file, read its headers (the ID-number and name columns are found, or chosen
 * here), name the list and its department, then upload it with progress. Every row's ID number is checked; bad rows are
 * listed by row and column, and nothing is written unless the user chose to skip them.
 */
import { FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Checkbox, Col, Form, Input, Progress, Result, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { importListQuery } from '../../contract/compare';
import { errorMessage, type UploadProgress } from '../app/api';
import { schemaRule } from '../app/forms';
import { ImportErrorTable, ImportFailed, XlsxDropzone } from '../app/ImportWidgets';
import { useImportUpload } from '../app/useImportUpload';
import { SCREENING_LIST_HINTS, SCREENING_LISTS } from '../../domain/compare/departments';
import { DEPARTMENT_HINTS, DEPARTMENTS, LIST_IMPORT_URL, previewList, type EncodingChoice, type ImportListQuery, type ImportListResult, type ListPreview } from './api';

const ACCEPT = '.xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const MAX_MB = 50;
const ENCODINGS: Array<{ value: EncodingChoice; label: string }> = [
  { value: 'auto', label: '自动识别（UTF-8 或 GBK）' },
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'gbk', label: 'GBK（Excel 在中文 Windows 上另存的 CSV）' },
];
/** The list's name, checked with the import's schema. */
const nameRule = schemaRule(importListQuery.shape.name);
/** The select value for “no name column” and “all other cells as the detail”. */
const NONE = '-';

/** The form: the import's query as text fields (all filled), and the skip choice as a checkbox. */
type Values = Required<Pick<ImportListQuery, 'name' | 'department' | 'idColumn' | 'nameColumn' | 'detailColumn'>> & { skipInvalid: boolean };

function PreviewTable({ preview, chosen }: { preview: ListPreview; chosen: Partial<Values> }) {
  const mark = (letter: string) => (letter === chosen.idColumn ? '（身份证号）' : letter === chosen.nameColumn ? '（姓名）' : letter === chosen.detailColumn ? '（详情）' : '');
  return (
    <Table
      size="small"
      bordered
      scroll={{ x: true }}
      pagination={false}
      rowKey="row"
      dataSource={preview.sample.map((s) => ({ row: s.row, ...Object.fromEntries(s.cells.map((c, i) => [`c${i}`, c])) }))}
      columns={[
        { title: '行', dataIndex: 'row', width: 60, fixed: 'left' },
        ...preview.headers.map((h, i) => ({
          title: (
            <span style={{ whiteSpace: 'nowrap', color: mark(h.letter) ? '#b71c1c' : undefined }}>
              {h.letter} {h.header}
              {mark(h.letter)}
            </span>
          ),
          dataIndex: `c${i}`,
          ellipsis: true,
        })),
      ]}
    />
  );
}

export function ListImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [preview, setPreview] = useState<ListPreview | null>(null);
  const [reading, setReading] = useState<{ percent: number } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch([], form) ?? {};
  const { phase, reset, fail, start, abort, busy } = useImportUpload<ImportListResult>(LIST_IMPORT_URL, 'compare');

  const choose = (f: File | null) => {
    setFile(f);
    setPreview(null);
    setReadError(null);
    reset();
  };

  const read = () => {
    if (!file) return;
    setReadError(null);
    setReading({ percent: 0 });
    previewList(file, encoding, (p: UploadProgress) => setReading({ percent: p.percent }))
      .promise.then((p) => {
        setPreview(p);
        form.setFieldsValue({
          name: file.name.replace(/\.[^.]+$/, ''),
          idColumn: p.detected.idColumn ?? undefined,
          nameColumn: p.detected.nameColumn ?? NONE,
          detailColumn: NONE,
          skipInvalid: false,
        });
      })
      .catch((e: unknown) => setReadError(errorMessage(e)))
      .finally(() => setReading(null));
  };

  const submit = (v: Values) => {
    if (!file) return;
    start(file, {
      name: v.name.trim(),
      department: v.department,
      idColumn: v.idColumn,
      nameColumn: v.nameColumn,
      detailColumn: v.detailColumn,
      encoding,
      skipInvalid: v.skipInvalid ? 'true' : undefined,
    });
  };

  const columnOptions = (preview?.headers ?? []).map((h) => ({ value: h.letter, label: `${h.letter} ${h.header || '（无表头）'}` }));

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/compare">部门比对</Link> }, { title: '导入部门名单' }]} style={{ marginBottom: 12 }} />
      <Typography.Title level={3}>导入部门名单</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        支持 .xlsx 工作簿和 .csv 文件（UTF-8 或 GBK 编码）。系统自动找到“身份证号”“公民身份号码”“证件号码”等表头所在的行和列，也可以手动选择。
        每行的身份证号都按国家标准校验：有错误的行会列出行号、列号和原因，此时整个文件都不会写入；也可以选择“跳过有错误的行”，只写入正确的行。
      </Typography.Paragraph>

      <div style={{ maxWidth: 720 }}>
        <XlsxDropzone
          accept={ACCEPT}
          file={file}
          onFile={choose}
          onTooLarge={fail}
          failed={!!readError || phase.kind === 'failed'}
          busy={busy || !!reading}
          maxMB={MAX_MB}
          text="点击选择或将名单文件拖到此处"
          hint={`.xlsx 或 .csv，最大 ${MAX_MB}MB`}
        />
        <Space style={{ marginTop: 12 }} wrap>
          <Select<EncodingChoice> value={encoding} onChange={setEncoding} options={ENCODINGS} style={{ width: 320 }} aria-label="CSV 编码" disabled={busy} />
          <Button icon={<FileSearchOutlined />} onClick={read} disabled={!file || busy} loading={!!reading}>
            读取文件
          </Button>
        </Space>
        {reading && <Progress percent={reading.percent} size="small" style={{ marginTop: 8 }} aria-label="读取进度" />}
        {readError && <Alert type="error" showIcon title="无法读取文件" description={readError} style={{ marginTop: 12 }} />}
        {preview && (
          <Alert
            type="success"
            showIcon
            data-testid="list-preview"
            style={{ marginTop: 12 }}
            title={`已读取“${preview.fileName}”：共 ${preview.rows.toLocaleString()} 行数据`}
            description={`${preview.format === 'xlsx' ? `工作表“${preview.sheet ?? ''}”` : `CSV，编码 ${preview.encoding === 'gbk' ? 'GBK' : (preview.encoding ?? '').toUpperCase()}`}；表头在第 ${preview.headerRow} 行。${preview.detected.idColumn ? `已自动找到身份证号列（${preview.detected.idColumn} 列）。` : '未找到身份证号列，请在下方选择。'}`}
          />
        )}
      </div>

      {preview && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            前 {preview.sample.length} 行
          </Typography.Title>
          <PreviewTable preview={preview} chosen={chosen} />
          <Form<Values> form={form} name="list-import" layout="vertical" style={{ maxWidth: 720, marginTop: 24 }} onFinish={submit} disabled={busy || phase.kind === 'done'}>
            <Row gutter={16}>
              <Col xs={24} md={14}>
                <Form.Item label="名单名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写名单名称' }, nameRule]}>
                  <Input placeholder="如：2017年全县机动车登记" />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item label="部门" name="department" rules={[{ required: true, message: '请选择部门' }]}>
                  <Select
                    placeholder="请选择"
                    options={[
                      { label: '一比对（部门数据比对）', options: DEPARTMENTS.map((d) => ({ value: d, label: `${d}——${DEPARTMENT_HINTS[d]}` })) },
                      // issue 15: screening lists, grouped apart from the 一比对 departments
                      { label: '漏评排查名单', options: SCREENING_LISTS.map((d) => ({ value: d, label: `${d}——${SCREENING_LIST_HINTS[d]}` })) },
                    ]}
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label="身份证号列" name="idColumn" rules={[{ required: true, message: '请选择身份证号所在的列' }]}>
                  <Select options={columnOptions} placeholder="请选择" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label="姓名列" name="nameColumn">
                  <Select options={[{ value: NONE, label: '（无）' }, ...columnOptions]} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label="详情列" name="detailColumn" extra="比对命中时作为证据显示">
                  <Select options={[{ value: NONE, label: '其余各列合并' }, ...columnOptions]} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="skipInvalid" valuePropName="checked">
              <Checkbox>跳过有错误的行（只写入身份证号正确的行，并列出跳过的行）</Checkbox>
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<UploadOutlined />} loading={busy}>
                开始导入
              </Button>
              {busy && (
                <Button onClick={abort} disabled={false}>
                  取消
                </Button>
              )}
            </Space>
          </Form>
        </>
      )}

      {busy && (
        <div style={{ maxWidth: 640, marginTop: 24 }} data-testid="import-progress">
          <Typography.Text>{phase.kind === 'uploading' ? '正在上传…' : '上传完成，正在逐行校验身份证号并写入…'}</Typography.Text>
          <Progress percent={phase.kind === 'uploading' ? phase.percent : 100} status={phase.kind === 'processing' ? 'active' : 'normal'} aria-label="上传进度" />
        </div>
      )}

      {phase.kind === 'done' && (
        <Result
          status={phase.result.skippedRows ? 'warning' : 'success'}
          title={`已导入“${phase.result.list.name}”`}
          subTitle={<span data-testid="list-import-result">{`写入 ${phase.result.written.toLocaleString()} 行${phase.result.skippedRows ? `，跳过 ${phase.result.skippedRows.toLocaleString()} 行有错误的行（见下表）` : ''}`}</span>}
          extra={
            <>
              <Row gutter={16} justify="center" style={{ marginBottom: 16 }}>
                <Col>
                  <Statistic title="写入行数" value={phase.result.written} />
                </Col>
                <Col>
                  <Statistic title="跳过行数" value={phase.result.skippedRows} />
                </Col>
              </Row>
              <Space>
                <Link to={`/compare/lists/${phase.result.list.id}`}>
                  <Button>查看名单</Button>
                </Link>
                <Link to="/compare?tab=run">
                  <Button type="primary">运行比对</Button>
                </Link>
              </Space>
            </>
          }
        />
      )}
      {phase.kind === 'done' && phase.result.skipped.length > 0 && <ImportErrorTable fields={phase.result.skipped} />}

      <ImportFailed phase={phase} title="导入失败，未写入任何数据" />
    </>
  );
}
