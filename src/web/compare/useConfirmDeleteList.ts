import { App } from 'antd';
import { errorMessage } from '../app/api';
import { useDeleteList, type DepartmentList } from './api';

/** Deleting a list asks first: its rows go, the hits already found keep their evidence. */
export function useConfirmDeleteList() {
  const { message, modal } = App.useApp();
  const remove = useDeleteList();
  return (list: Pick<DepartmentList, 'id' | 'name' | 'rows'>, onDeleted?: () => void) =>
    modal.confirm({
      title: `确认删除名单“${list.name}”？`,
      content: `将删除该名单的全部 ${list.rows.toLocaleString()} 行数据，不能恢复；已有的比对线索保留其证据（部门、行号和内容）。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove.mutateAsync(list.id);
          void message.success('已删除');
          onDeleted?.();
        } catch (e) {
          void message.error(errorMessage(e));
        }
      },
    });
}
