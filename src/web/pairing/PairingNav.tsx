import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';

const PAGES = [
  { value: '/pairing', label: '帮扶责任人' },
  { value: '/pairing/gaps', label: '待落实帮扶与回访' },
  { value: '/pairing/leader-villages', label: '领导联系村与帮扶村' },
];

/** The pages of 结对帮扶 under one menu entry. */
export function PairingNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = [...PAGES].reverse().find((p) => pathname === p.value || pathname.startsWith(`${p.value}/`))?.value ?? '/pairing';
  return <Segmented options={PAGES} value={current} onChange={(v) => navigate(v)} style={{ marginBottom: 16 }} />;
}
