import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';

const PAGES = [
  { value: '/funds', label: '资金下达' },
  { value: '/funds/progress', label: '支出进度' },
  { value: '/funds/projects', label: '项目库' },
  { value: '/funds/findings', label: '审计整改' },
  { value: '/funds/samples', label: '实地抽查' },
];

/** The pages of 扶贫资金与项目库; on a phone the bar scrolls sideways inside its own box. */
export function FundsNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = [...PAGES].reverse().find((p) => pathname === p.value || pathname.startsWith(`${p.value}/`))?.value ?? '/funds';
  return (
    <div style={{ overflowX: 'auto', marginBottom: 16 }}>
      <Segmented options={PAGES} value={current} onChange={(v) => navigate(v)} />
    </div>
  );
}
