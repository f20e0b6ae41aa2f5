/**
 * 部门政策享受数据导入 (issue 15): choose the region, the department, and the policy and year that blank cells take;
 * download the department's template, upload the filled file, and see every error by row and column (nothing
 * written) or what was imported — the batches replaced and the 稳定脱贫户 warnings.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, InputNumber, Result, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { BENEFIT_DEPARTMENTS } from '../../domain/benefits/catalog';
import { citeWords } from '../../domain/shared/sources';
import { currentYear } from '../app/format';
import { ImportFailed, ImportFileField, ImportProgress } from '../app/ImportWidgets';
import { useImportUpload } from '../app/useImportUpload';
import { PageHeader } from '../shared/PageHeader';
import { RegionPicker } from '../shared/RegionPicker';
import { benefitTemplateUrl, BENEFITS_IMPORT_URL, BENEFITS_KEY, useBenefitCatalog, yuanText, type BenefitImportResult } from './api';

/** The server's limit for department files (`list` uploads: 50 MB). */
const MAX_MB = 50;

const INCOME_RULE = citeWords('maanshan2017', '年收入=工资性收入+生产经营性收入+财产性收入+转移性收入(包括补贴、低保金、养老保险金、生态补偿金等)');

export function BenefitImportPage() {
  const catalog = useBenefitCatalog();
  const [region, setRegion] = useState<string | undefined>();
  const [department, setDepartment] = useState<string>('民政');
  const [policy, setPolicy] = useState<string | undefined>();
  const [year, setYear] = useState<number | null>(currentYear() - 1);
  const [file, setFile] = useState<File | null>(null);
  const importing = useImportUpload<BenefitImportResult>(BENEFITS_IMPORT_URL, BENEFITS_KEY);
  const { phase } = importing;
  const policies = catalog.data?.departments.find((d) => d.name === department)?.policies ?? [];
  const start = () => file && region && importing.start(file, { region, department, policy, year: year ?? undefined });

  return (
    <>
      <PageHeader title="部门政策享受数据导入">
        <Typography.Paragraph type="secondary">
          导入教育、医保、民政、住建、农业农村、金融、人社、林业等部门发放给本辖区建档立卡贫困人口的政策资金（以身份证号为准）。任何一行有错误时整个文件都不会导入；同一部门、政策、年度、期间再次导入时替换此前导入的该批数据。计入收入的政策按部门数据计算家庭收入（{INCOME_RULE}）。
        </Typography.Paragraph>
      </PageHeader>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label="导入地区" required extra="您管辖范围内的乡镇或村">
            <RegionPicker value={region} onChange={(v) => setRegion(v ?? undefined)} placeholder="选择乡镇或村" />
          </Form.Item>
          <Form.Item label="发放部门" required>
            <Select
              value={department}
              onChange={(v) => {
                setDepartment(v);
                setPolicy(undefined);
              }}
              options={BENEFIT_DEPARTMENTS.map((d) => ({ value: d, label: d }))}
              data-testid="benefit-department"
            />
          </Form.Item>
          <Space wrap style={{ width: '100%' }}>
            <Form.Item label="政策（“政策名称”留空的行）" style={{ minWidth: 240 }}>
              <Select allowClear style={{ width: '100%' }} value={policy} onChange={setPolicy} placeholder="按文件填写" options={policies.map((p) => ({ value: p.name, label: `${p.name}（${p.kind}，按${p.per}，${p.incomeItem}）` }))} />
            </Form.Item>
            <Form.Item label="年度（“年度”留空的行）">
              <InputNumber min={2013} max={currentYear()} value={year} onChange={setYear} />
            </Form.Item>
          </Space>
          <Space style={{ marginBottom: 16 }} wrap>
            <Button icon={<DownloadOutlined />} href={benefitTemplateUrl(department)} download>
              下载{department}部门导入模板（.xlsx）
            </Button>
          </Space>
          <ImportFileField label="部门数据文件" maxMB={MAX_MB} hint="按导入模板填写的 .xlsx 文件（身份证号设为文本格式）" file={file} setFile={setFile} upload={importing} start={start} />
          {!region && file && <Alert type="info" showIcon style={{ marginTop: 8 }} title="请先选择导入地区" />}
        </Form>
      </Card>
      <ImportProgress phase={phase} describe={() => ({ text: '上传完成，正在逐行校验并写入…', percent: 100 })} />
      {phase.kind === 'done' && (
        <Result status="success" title={`成功导入 ${phase.result.created} 条`} subTitle={phase.result.message} style={{ padding: '24px 0' }}>
          <Table
            size="small"
            rowKey={(b) => `${b.policy}|${b.year}|${b.period}`}
            pagination={false}
            dataSource={phase.result.batches}
            scroll={{ x: 480 }}
            columns={[
              { title: '政策', dataIndex: 'policy' },
              { title: '年度', dataIndex: 'year' },
              { title: '期间', dataIndex: 'period', render: (v: string) => v || '—' },
              { title: '条数', dataIndex: 'rows', align: 'right' },
              { title: '金额', dataIndex: 'amount', align: 'right', render: yuanText },
              { title: '替换此前', dataIndex: 'replaced', align: 'right', render: (n: number) => (n ? `${n} 条` : '—') },
            ]}
          />
          {phase.result.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12, textAlign: 'left' }}
              title={`${phase.result.warnings.length} 条为稳定脱贫户享受增收类或发展类政策（已导入）`}
              description={phase.result.warnings.slice(0, 20).map((w) => <div key={w.row}>{`第 ${w.row} 行 ${w.column} 列：${w.message}`}</div>)}
            />
          )}
        </Result>
      )}
      <ImportFailed phase={phase} title="导入失败，未写入任何政策享受数据" />
    </>
  );
}
