import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Layout, Popconfirm, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { navigate } from '../app/hashRoute';

/**
 * The studio's header: like every page's 返回, but while the latest decisions are not yet saved on
 * this computer it asks first, and closing or reloading the window asks too.
 */
export function StudioHeader({ unsaved }: { unsaved: boolean }) {
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);

  const back = (): void => navigate({ name: 'list' });
  return (
    <Layout.Header className="app-header">
      <Space>
        {unsaved ? (
          <Popconfirm title="离开指南工作台？" description="最近的决定还没有保存到本机，离开后不会保留。" okText="离开" cancelText="留下" onConfirm={back}>
            <Button icon={<ArrowLeftOutlined />}>返回</Button>
          </Popconfirm>
        ) : (
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            返回
          </Button>
        )}
        <Typography.Title level={4} className="app-brand">
          指南工作台
        </Typography.Title>
      </Space>
    </Layout.Header>
  );
}
