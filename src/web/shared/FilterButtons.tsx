import { SearchOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';

/** The buttons under a list page's filters: 查询 (submits the filter form) and 重置. */
export function FilterButtons({ onReset }: { onReset: () => void }) {
  return (
    <Space>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
        查询
      </Button>
      <Button onClick={onReset}>重置</Button>
    </Space>
  );
}
