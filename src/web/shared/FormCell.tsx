import { Col, Form, Switch } from 'antd';
import type { ColProps, FormItemProps, SwitchProps } from 'antd';

type CellWidths = Pick<ColProps, 'span' | 'xs' | 'sm' | 'md' | 'lg' | 'xl'>;

/**
 * One field in a form's grid: a `Col` of the given widths holding a `Form.Item` (every other prop goes to the
 * item). `<FormCell xs={12} md={6} label="识别年度" name="identifiedYear">…</FormCell>`.
 */
export function FormCell({ span, xs, sm, md, lg, xl, children, ...item }: CellWidths & FormItemProps) {
  return (
    <Col span={span} xs={xs} sm={sm} md={md} lg={lg} xl={xl}>
      <Form.Item {...item}>{children}</Form.Item>
    </Col>
  );
}

/** A yes/no switch, shown 是/否; in a `Form.Item` with `valuePropName="checked"`. */
export function FormSwitch(props: SwitchProps) {
  return <Switch checkedChildren="是" unCheckedChildren="否" {...props} />;
}
