import { Alert, Modal } from 'antd';
import type { ReactNode } from 'react';

/**
 * A dialog holding one form (new user, new member, new office …): 取消 and `okText`, the submit's pending state on the
 * OK button, the failure the form could not place on a field above it, and nothing kept once closed.
 */
export function FormModal(props: {
  open: boolean;
  title: ReactNode;
  okText: string;
  pending: boolean;
  error: string | null;
  /** Validates and sends; a rejected promise (fields in error) leaves the dialog open. */
  onSubmit: () => Promise<unknown>;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}) {
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText="取消"
      onOk={() => void props.onSubmit().catch(() => undefined)}
      onCancel={props.onClose}
      confirmLoading={props.pending}
      destroyOnHidden
      width={props.width}
    >
      {props.error && <Alert type="error" showIcon title={props.error} style={{ marginBottom: 12 }} />}
      {props.children}
    </Modal>
  );
}
