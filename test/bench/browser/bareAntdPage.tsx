/**
 * The floor for the home page bench: a bare antd page with the home page's header, tabs and drafts
 * table (same columns, same kinds of cells, one row like the bench's store), rendered from data
 * already in the page. No services, no routing, no store. Bundled by homeInteractive.ts.
 */
import { Button, ConfigProvider, Dropdown, Layout, Progress, Space, Table, Tabs, Tag, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { createRoot } from 'react-dom/client';

interface Row {
  id: string;
  title: string;
  programName: string;
  completion: number;
}

const rows: Row[] = [{ id: '1', title: '城关区智慧社区综合服务平台研发与应用示范', programName: '城关区科技计划 / 技术创新类', completion: 100 }];

function BarePage() {
  return (
    <Layout>
      <Layout.Header>
        <Typography.Title level={4}>申报通</Typography.Title>
        <Typography.Text>科技计划项目申报书离线撰写</Typography.Text>
      </Layout.Header>
      <Layout.Content>
        <Tabs
          items={[
            {
              key: 'drafts',
              label: `我的草稿（${rows.length}）`,
              children: (
                <Table<Row>
                  rowKey="id"
                  dataSource={rows}
                  pagination={false}
                  columns={[
                    { title: '项目名称', dataIndex: 'title', render: (t: string) => <Typography.Link>{t}</Typography.Link> },
                    { title: '指南与计划类别', dataIndex: 'programName' },
                    { title: '类型', render: () => '申报书' },
                    { title: '完成度', dataIndex: 'completion', render: (c: number) => <Progress percent={c} size="small" /> },
                    {
                      title: '问题',
                      render: () => (
                        <Space size={4}>
                          <Tag color="error">错误 0</Tag>
                          <Tag>警告 0</Tag>
                        </Space>
                      ),
                    },
                    { title: '截止', render: () => <Tag color="default">已截止</Tag> },
                    { title: '最后编辑', render: () => '2020-03-01 10:00' },
                    { title: '状态', render: () => <Tag color="processing">编辑中</Tag> },
                    {
                      title: '操作',
                      render: () => (
                        <Space>
                          <Button type="link">继续编辑</Button>
                          <Dropdown menu={{ items: [{ key: 'rename', label: '重命名' }] }}>
                            <Button type="link">更多</Button>
                          </Dropdown>
                        </Space>
                      ),
                    },
                  ]}
                />
              ),
            },
            { key: 'trash', label: '回收站（0）', children: null },
          ]}
        />
      </Layout.Content>
    </Layout>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <ConfigProvider locale={zhCN}>
      <BarePage />
    </ConfigProvider>,
  );
}
