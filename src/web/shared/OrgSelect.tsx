import { Form, TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { buildOrgTree, useOrgs, type OrgNode } from './orgs';

interface TreeOption {
  value: number;
  title: string;
  children: TreeOption[];
}

function toOptions(nodes: readonly OrgNode[]): TreeOption[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));
}

export interface OrgSelectProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

/** Chooses a body (填报单位) from the user's part of the organisation tree; searchable by name. */
export function OrgSelect({ id, value, onChange, placeholder = '请选择填报单位', allowClear, disabled, style, ...rest }: OrgSelectProps) {
  const orgs = useOrgs();
  const treeData = useMemo(() => toOptions(buildOrgTree(orgs.data ?? [])), [orgs.data]);
  return (
    <TreeSelect<number>
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      loading={orgs.isLoading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      style={{ minWidth: 220, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}

/** The office a user or a committee member belongs to (所属单位): a required form field, `orgId`. */
export function OrgField() {
  return (
    <Form.Item label="所属单位" name="orgId" rules={[{ required: true, message: '请选择所属单位' }]}>
      <OrgSelect style={{ width: '100%' }} />
    </Form.Item>
  );
}
