/**
 * 脱贫光荣证: the certificate a completed household exit issues, laid out for printing on A4 (landscape). When printed
 * only the certificate shows; the application's header, menu and buttons are hidden.
 */
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Spin } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../app/ErrorResult';
import { useCertificate, type Certificate } from './api';
import { useIdParam } from '../app/params';
import { certificatePrintUrl } from '../../contract/print';

const RED = '#c00000';

/** `2020-12-31` as 2020 年 12 月 31 日. */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

/** The village as a certificate names it: 俄尔古取村, not 俄尔古取村村民委员会 as the division list has it. */
const villageName = (name: string) => name.replace(/村?村民委员会$/, '村');

const PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body * { visibility: hidden !important; }
  .tz-certificate, .tz-certificate * { visibility: visible !important; }
  .tz-certificate { position: fixed; inset: 0; margin: 0 !important; box-shadow: none !important; }
  .tz-certificate, .tz-certificate * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function CertificateSheet({ c }: { c: Certificate }) {
  return (
    <div
      className="tz-certificate"
      data-testid="certificate"
      style={{
        maxWidth: 960,
        aspectRatio: '297 / 210',
        margin: '0 auto',
        padding: 14,
        background: '#fffdf7',
        border: `6px solid ${RED}`,
        boxShadow: '0 2px 12px rgba(0,0,0,0.12)',
        fontFamily: '"STSong", "SimSun", "Songti SC", "Noto Serif CJK SC", serif',
        color: '#222',
      }}
    >
      <div style={{ height: '100%', border: `2px solid ${RED}`, padding: '40px 72px 32px', display: 'flex', flexDirection: 'column' }}>
        <div style={{ textAlign: 'right', fontSize: 14, color: '#555' }} data-testid="certificate-no">
          编号：{c.certificateNo}
        </div>
        <h1 style={{ textAlign: 'center', color: RED, fontSize: 54, letterSpacing: 16, margin: '12px 0 36px', fontWeight: 700 }}>脱贫光荣证</h1>
        <p style={{ fontSize: 24, lineHeight: 2.1, textIndent: '2em', margin: 0, flex: 1 }} data-testid="certificate-text">
          {villageName(c.village)}
          {c.head}户（户主 {c.head}，家庭人口 {c.persons} 人）经民主评议、公示公告，于 {c.year} 年实现脱贫，特发此证。
        </p>
        <div style={{ alignSelf: 'flex-end', textAlign: 'center', fontSize: 22, lineHeight: 2 }}>
          <div data-testid="certificate-issuer">{c.issuer}</div>
          <div>（盖章）</div>
          <div>{chineseDate(c.issuedOn)}</div>
        </div>
      </div>
    </div>
  );
}

export function CertificatePage() {
  const id = useIdParam();
  const query = useCertificate(id);

  if (id === undefined) return <ErrorResult error={new Error('程序编号无效')} />;
  if (query.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (query.isError || !query.data) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <style>{PRINT_CSS}</style>
      <Space style={{ marginBottom: 16 }}>
        <Link to={`/procedures/${id}`}>
          <Button icon={<ArrowLeftOutlined />}>返回程序</Button>
        </Link>
        {/* The server's PDF (one A4 page, centred): the browser's viewer prints it as laid out. */}
        <Button type="primary" icon={<PrinterOutlined />} href={certificatePrintUrl(id)} target="_blank" rel="noopener" data-testid="certificate-print">
          打印
        </Button>
      </Space>
      <CertificateSheet c={query.data} />
    </>
  );
}
