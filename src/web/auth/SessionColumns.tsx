import type { ColumnsType } from 'antd/es/table';
import type { SessionInfo } from './api';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** The columns every list of sessions shows. */
export const sessionColumns: ColumnsType<SessionInfo> = [
  { title: '登录时间', dataIndex: 'createdAt', render: when },
  { title: '有效期至', dataIndex: 'expiresAt', render: when },
  { title: 'IP 地址', dataIndex: 'ip', render: (v: string) => v || '—' },
  { title: '浏览器', dataIndex: 'userAgent', ellipsis: true, render: (v: string) => v || '—' },
];
