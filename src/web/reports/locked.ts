import { App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../app/api';

/** The figure a refused edit was about: a village's year figures, or a household's income of the year. */
export type LockedFigure = { kind: 'village_year'; villageCode: string; year: number } | { kind: 'income'; householdId: number; year: number };

/** The 年度报送 page with the correction request for this figure open. */
export function correctionLink(f: LockedFigure): string {
  const q = new URLSearchParams({ year: String(f.year), kind: f.kind, ...(f.kind === 'village_year' ? { village: f.villageCode } : { household: String(f.householdId) }) });
  return `/registry/reports?${q.toString()}`;
}

/**
 * For an edit the server refused because an approved report locks the year (409, `yearLocked`): offers the correction
 * request for that figure instead (issue 11: “a later correction goes through a correction request … never an edit in
 * place”). True when it handled the error.
 */
export function useLockedFigure() {
  const { modal } = App.useApp();
  const navigate = useNavigate();
  return (e: unknown, figure: LockedFigure): boolean => {
    if (!(e instanceof ApiError) || e.status !== 409 || e.details.yearLocked === undefined || !e.message.includes('更正申请')) return false;
    modal.confirm({ title: '该年度数据已审核锁定', content: e.message, okText: '提出更正申请', cancelText: '取消', onOk: () => navigate(correctionLink(figure)) });
    return true;
  };
}
