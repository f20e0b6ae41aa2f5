import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { PageHeader } from '../shared/PageHeader';
import { PathTabs } from './fields';

const PAGES = [
  { path: '/funds', label: '资金下达' },
  { path: '/funds/progress', label: '支出进度' },
  { path: '/funds/projects', label: '项目库' },
  { path: '/funds/findings', label: '审计整改' },
  { path: '/funds/samples', label: '实地抽查' },
];

/**
 * A page of 扶贫资金与项目库: the tabs over the feature's pages (they scroll sideways on a phone), the heading with the
 * page's actions, a line saying what the page is for, then the page.
 */
export function FundsPage({ title, actions, note, children }: { title: string; actions?: ReactNode; note: ReactNode; children: ReactNode }) {
  return (
    <>
      <PathTabs pages={PAGES} />
      <PageHeader title={title} extra={actions}>
        <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>
      </PageHeader>
      {children}
    </>
  );
}
