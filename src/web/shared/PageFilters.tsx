/**
 * A list page's filter form: a grey box above the list, its fields either in a grid of cells (`layout="vertical"`,
 * each a `FilterCell`, the buttons one of them) or in one line (`layout="inline"`, ending in the `submit` button); and
 * the address's params the applied filters become.
 */
import { SearchOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, type ColProps, type FormProps } from 'antd';
import type { ReactNode } from 'react';

const BOX = { background: '#fafafa', borderRadius: 6, marginBottom: 16 };

export function PageFilters<V>({ children, submit = '查询', ...form }: Omit<FormProps<V>, 'style' | 'children'> & { children: ReactNode; submit?: string }) {
  if (form.layout === 'inline') {
    return (
      <Form<V> {...form} style={{ ...BOX, padding: 12, rowGap: 8 }}>
        {children}
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {submit}
          </Button>
        </Form.Item>
      </Form>
    );
  }
  return (
    <Form<V> {...form} style={{ ...BOX, padding: '12px 16px 0' }}>
      <Row gutter={12}>{children}</Row>
    </Form>
  );
}

/** One cell of the filters' grid: its width at each screen size, and the field (or, without a name, the buttons). */
export function FilterCell({ span, label, name, children }: { span: Pick<ColProps, 'xs' | 'md' | 'lg'>; label?: string; name?: string; children: ReactNode }) {
  return (
    <Col {...span}>
      <Form.Item label={label} name={name}>
        {children}
      </Form.Item>
    </Col>
  );
}

/** The address's params for the filters applied: each one set (text trimmed, empty ones left out), and the page size if not the default. */
export function filterParams(values: Record<string, unknown>, pageSize?: number, defaultSize = 20): URLSearchParams {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    const s = typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v as number | boolean);
    if (s !== '') next.set(k, s);
  }
  if (pageSize !== undefined && pageSize !== defaultSize) next.set('pageSize', String(pageSize));
  return next;
}
