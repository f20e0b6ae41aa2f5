import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface PageHeaderProps {
  /** The page's heading (h3). */
  title: ReactNode;
  /** The page's actions, on the right of the heading. */
  extra?: ReactNode;
  /** What stands under the heading before the page's content: a line saying what the page is for. */
  children?: ReactNode;
}

/** The top of a page: its heading with the page's actions on the right, and what is said under it. */
export function PageHeader({ title, extra, children }: PageHeaderProps) {
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Space>
      {children}
    </>
  );
}
