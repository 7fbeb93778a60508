import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Typography } from 'antd';

/** The header of a page reached from the home page: 返回 (to the list) and the page's title. */
export function PageHeader({ title }: { title: string }) {
  return (
    <Layout.Header className="app-header">
      <Space>
        <Button icon={<ArrowLeftOutlined />} href="#/">
          返回
        </Button>
        <Typography.Title level={4} className="app-brand">
          {title}
        </Typography.Title>
      </Space>
    </Layout.Header>
  );
}
