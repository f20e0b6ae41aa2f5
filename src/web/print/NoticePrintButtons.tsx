/**
 * A procedure's printed notices (issue 12): the 公示 / 公告 of each notice step reached (PDF to post, Word to edit), and
 * the 脱贫确认表 of a household exit. A step is offered once it is open or passed; the server words the text.
 */
import { DownOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import { noticeWordOf } from '../../contract/print-lists';
import type { Procedure } from '../../contract/procedures';

export const noticePdfUrl = (id: number, step: number) => `/api/print/procedures/${id}/notice.pdf?step=${step}`;
export const noticeDocxUrl = (id: number, step: number) => `/api/print/procedures/${id}/notice.docx?step=${step}`;
export const confirmationPdfUrl = (id: number) => `/api/print/procedures/${id}/confirmation.pdf`;

/** The notice steps a procedure has reached: passed (before the open step, or all of a completed one) or open now. */
export function reachedNoticeSteps(p: Pick<Procedure, 'state' | 'currentStep' | 'definition'>) {
  return p.definition.steps.flatMap((s, index) => {
    const word = noticeWordOf(s);
    const reached = p.state === 'completed' || index < p.currentStep || (p.state === 'running' && index === p.currentStep);
    return word && reached ? [{ index, name: s.name, word }] : [];
  });
}

export function NoticePrintButtons({ p }: { p: Procedure }) {
  const steps = reachedNoticeSteps(p);
  const items = steps.flatMap((s) => [
    {
      key: `pdf-${s.index}`,
      icon: <PrinterOutlined />,
      label: (
        <a href={noticePdfUrl(p.id, s.index)} target="_blank" rel="noreferrer">
          {s.name}：{s.word}（PDF）
        </a>
      ),
    },
    {
      key: `docx-${s.index}`,
      icon: <FileWordOutlined />,
      label: (
        <a href={noticeDocxUrl(p.id, s.index)} download>
          {s.name}：{s.word}（Word）
        </a>
      ),
    },
  ]);
  const confirmation = p.kind === 'exit' && p.householdId !== null;
  if (!items.length && !confirmation) return null;
  return (
    <Space wrap size={8} data-testid="notice-print-buttons">
      {items.length > 0 && (
        <Dropdown menu={{ items }} trigger={['click']}>
          <Button icon={<PrinterOutlined />}>
            公示公告 <DownOutlined />
          </Button>
        </Dropdown>
      )}
      {confirmation && (
        <Button icon={<PrinterOutlined />} href={confirmationPdfUrl(p.id)} target="_blank" rel="noreferrer">
          脱贫确认表
        </Button>
      )}
    </Space>
  );
}
