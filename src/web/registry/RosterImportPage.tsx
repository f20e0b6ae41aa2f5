import { DownloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Checkbox, Col, Form, Result, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ImportDoneActions, ImportFailed, ImportFileField, ImportProgress } from '../app/ImportWidgets';
import { useImportUpload, type ServerProgress } from '../app/useImportUpload';
import { RegionPicker } from '../shared/RegionPicker';
import { ROSTER_COUNT_LABELS, ROSTER_IMPORT_BATCHES_URL, ROSTER_IMPORT_JOBS_URL, ROSTER_TEMPLATE_URL, rosterExportUrl, type RosterImportResult } from './api';

/** Files up to this size are imported in one piece (all or nothing); larger ones village by village. */
const ONE_PIECE_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

type BatchProgress = ServerProgress & { batches?: { done: number; failed: number; skipped: number; rows: number } };

/** The import's counts in the order shown: the file's households and persons, then what became of the households. */
const COUNT_ORDER = Object.keys(ROSTER_COUNT_LABELS) as Array<keyof RosterImportResult>;
const count = (n: number) => n.toLocaleString('zh-CN');

/**
 * The server's progress in words, and one bar that only moves forward across the phases: reading up to 5%,
 * checking every row up to 50%, writing the persons up to 100%.
 */
function describeProgress(p: BatchProgress | undefined): { text: string; percent: number } {
  if (!p) return { text: '上传完成，正在读取文件…', percent: 0 };
  const part = p.total > 0 ? p.done / p.total : 0;
  // A large file, village by village: the share of the file read, and the villages written so far.
  if (p.batches) {
    const b = p.batches;
    const what = p.phase === '校验' ? '已校验' : '已写入';
    return { text: `${what} ${count(b.done)} 个村（已读取 ${count(b.rows)} 行${b.failed ? `，${count(b.failed)} 个村有错误` : ''}${b.skipped ? `，跳过此前已写入的 ${count(b.skipped)} 个村` : ''}）`, percent: 100 * part };
  }
  switch (p.phase) {
    case '校验':
      return { text: `正在校验：${count(p.done)} / ${count(p.total)} 行`, percent: 5 + 45 * part };
    case '写入':
      return { text: `正在写入：${count(p.done)} / ${count(p.total)} 人`, percent: 50 + 50 * part };
    default:
      return { text: `已读取 ${count(p.total)} 行，正在逐行校验…`, percent: 5 };
  }
}

export function RosterImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [checkOnly, setCheckOnly] = useState(false);
  const small = useImportUpload<RosterImportResult>(ROSTER_IMPORT_JOBS_URL, 'registry', { job: true });
  const large = useImportUpload<RosterImportResult>(ROSTER_IMPORT_BATCHES_URL, 'registry', { job: true });
  const batched = !!file && file.size > ONE_PIECE_BYTES;
  const importing = batched ? large : small;
  const { phase, reset } = importing;
  const [exportRegion, setExportRegion] = useState<string | undefined>();

  const start = () => {
    if (file) importing.start(file, batched ? { mode: checkOnly ? 'check' : 'write' } : undefined);
  };

  const counts = phase.kind === 'done' ? COUNT_ORDER.map((k) => [k, phase.result[k]] as const) : [];

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/registry">建档立卡</Link> }, { title: '花名册导入' }]} style={{ marginBottom: 12 }} />
      <Typography.Title level={3}>花名册导入导出</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>
        请先下载花名册模板，按“填报说明”每行填写 1 名家庭成员，再选择文件导入。导入前逐行校验身份证号、户主、致贫原因、区划代码等：任何一行有错误时，整个文件都不会写入，请按下方列出的行、列和原因修改后重新导入。重复导入同一文件不会重复建档。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button icon={<DownloadOutlined />} href={ROSTER_TEMPLATE_URL} download data-testid="roster-template">
          下载花名册模板（.xlsx）
        </Button>
      </Space>

      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <ImportFileField label="花名册文件" maxMB={2048} hint="按花名册模板填写的文件（.xlsx，或表头相同的 UTF-8 .csv）" accept={ACCEPT} formats=".xlsx、.csv" file={file} setFile={setFile} upload={importing} start={start} abortLabel="取消上传" />
        {batched && (
          <Typography.Paragraph type="secondary" data-testid="roster-batched">
            大文件（超过 20MB）按村分批写入：同一村的行须连在一起、同一户的成员须连在一起。每批单独提交，有错误的村不写入，其余村照常写入；建议先勾选“只校验”检查整个文件，无误后再导入。
            <br />
            <Checkbox checked={checkOnly} onChange={(e) => setCheckOnly(e.target.checked)}>
              只校验，不写入
            </Checkbox>
          </Typography.Paragraph>
        )}
      </Form>

      <ImportProgress phase={phase} describe={describeProgress} />

      {phase.kind === 'done' && (
        <Result
          status="success"
          title="花名册导入完成"
          subTitle={<span data-testid="roster-result">{counts.map(([k, v]) => `${ROSTER_COUNT_LABELS[k]} ${v}`).join('，')}</span>}
          extra={
            <>
              <Row gutter={16} justify="center" style={{ marginBottom: 16 }}>
                {counts.map(([k, v]) => (
                  <Col key={k}>
                    <Statistic title={ROSTER_COUNT_LABELS[k]} value={v} />
                  </Col>
                ))}
              </Row>
              <ImportDoneActions to="/registry/search" label="查找贫困户" onAgain={() => { setFile(null); reset(); }} />
            </>
          }
        />
      )}

      <ImportFailed phase={phase} title={batched ? (checkOnly ? '校验未通过，未写入任何数据' : '导入未全部完成：有错误的村未写入，其余村已写入') : '导入失败，未写入任何数据'} />

      <Card size="small" title="导出花名册" style={{ marginTop: 32, maxWidth: 860 }}>
        <RegionPicker value={exportRegion ?? null} onChange={(c) => setExportRegion(c)} placeholder="选择地区（不选为全部管辖范围）" />
        <Button icon={<DownloadOutlined />} href={rosterExportUrl(exportRegion)} download style={{ marginTop: 8 }}>
          导出花名册（.xlsx）
        </Button>
      </Card>
    </>
  );
}
