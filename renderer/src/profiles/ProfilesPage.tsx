import { PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Layout, Popconfirm, Space, Table, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Profile, ProfileKind } from '../../../shared/ipc/domains/profiles.contract';
import { errorMessage } from '../api/client';
import { formatLocalTime } from '../drafts/formatTime';
import { PageHeader } from '../app/PageHeader';
import { useAppStore } from '../store';
import { ProfileEditorModal } from './ProfileEditorModal';
import { profileFieldLabel, profileValueText } from './profileFields';
import { PROFILE_KIND_LABEL } from './profileValues';

const SUMMARY_FIELDS: Record<ProfileKind, string[]> = {
  unit: ['applicant.uscc', 'applicant.unitType', 'applicant.regionCode'],
  person: ['pi.title', 'pi.phone', 'pi.email'],
};

function ProfileTable({ kind, onEdit }: { kind: ProfileKind; onEdit: (p: Profile) => void }) {
  const all = useAppStore((s) => s.profiles);
  const profiles = useMemo(() => all.filter((p) => p.kind === kind), [all, kind]);
  const loaded = useAppStore((s) => s.profilesLoaded);
  const { message } = AntApp.useApp();
  const label = PROFILE_KIND_LABEL[kind];
  const remove = async (p: Profile): Promise<void> => {
    try {
      await useAppStore.getState().deleteProfile(p.id);
      void message.success(`已删除${label}「${p.name}」`);
    } catch (e) {
      void message.error(`删除失败：${errorMessage(e)}`);
    }
  };
  return (
    <Table<Profile>
      rowKey="id"
      loading={!loaded}
      dataSource={profiles}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: `还没有${label}。点「新建${label}」，或在申报书的${kind === 'unit' ? '申报单位' : '项目负责人'}部分点「存为${label}」。` }}
      columns={[
        { title: '档案名称', dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
        {
          title: '主要内容',
          key: 'summary',
          render: (_, p) =>
            SUMMARY_FIELDS[kind]
              .filter((id) => p.values[id] !== undefined && p.values[id] !== '')
              .map((id) => `${profileFieldLabel(id)}：${profileValueText(id, p.values[id])}`)
              .join('；') || '—',
        },
        { title: '已填项目', key: 'count', width: 90, render: (_, p) => `${Object.keys(p.values).length} 项` },
        { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (iso: string) => formatLocalTime(iso) },
        {
          title: '操作',
          key: 'actions',
          width: 130,
          render: (_, p) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => onEdit(p)}>
                编辑
              </Button>
              <Popconfirm
                title={`删除${label}「${p.name}」？`}
                description="只删除档案本身，已用它填写的申报书不受影响。"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => void remove(p)}
              >
                <Button type="link" size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}

/** 档案: the unit and person profiles kept on this computer, with 新建, 编辑 and 删除. */
export function ProfilesPage() {
  const error = useAppStore((s) => s.profilesError);
  const [kind, setKind] = useState<ProfileKind>('unit');
  const [editing, setEditing] = useState<{ kind: ProfileKind; profile?: Profile } | null>(null);
  useEffect(() => {
    void useAppStore.getState().loadProfiles();
  }, []);
  return (
    <>
      <PageHeader title="单位与人员档案" />
      <Layout.Content className="app-content">
        <Card>
          <Typography.Paragraph type="secondary">
            档案保存常用的申报单位和人员信息。新建申报书时，或在申报书的申报单位、项目负责人、项目组成员部分，都可以直接选用，不必重复填写。
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon message={`读取档案失败：${error}`} style={{ marginBottom: 16 }} />}
          <Tabs
            activeKey={kind}
            onChange={(k) => setKind(k === 'person' ? 'person' : 'unit')}
            tabBarExtraContent={
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind })}>
                新建{PROFILE_KIND_LABEL[kind]}
              </Button>
            }
            items={(['unit', 'person'] as const).map((k) => ({
              key: k,
              label: PROFILE_KIND_LABEL[k],
              children: <ProfileTable kind={k} onEdit={(profile) => setEditing({ kind: k, profile })} />,
            }))}
          />
        </Card>
      </Layout.Content>
      {editing && <ProfileEditorModal kind={editing.kind} profile={editing.profile} onClose={() => setEditing(null)} />}
    </>
  );
}
