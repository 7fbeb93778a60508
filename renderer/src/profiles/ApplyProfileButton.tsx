import { ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Profile, ProfileKind } from '../../../shared/ipc/domains/profiles.contract';
import { DEFAULT_SECTIONS } from '../../../shared/pack/defaultTemplate';
import { useAppStore } from '../store';
import { profileChanges, type ProfileChange } from './profileChanges';
import { profileValueText } from './profileFields';
import { ProfilePicker } from './ProfilePicker';
import { PROFILE_KIND_LABEL } from './profileValues';

/** 选用档案 inside a section: pick a profile, see exactly what it would overwrite, then apply as one undoable edit. */
export function ApplyProfileButton({ kind }: { kind: ProfileKind }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<Profile | null>(null);
  const readOnly = useAppStore((s) => s.current?.draft.status === 'final');
  const label = PROFILE_KIND_LABEL[kind];

  const preview = (() => {
    const state = useAppStore.getState();
    if (!picked || !state.current) return null;
    return profileChanges(picked.values, state.current.draft.values, state.resolved?.sections ?? DEFAULT_SECTIONS);
  })();

  const apply = (): void => {
    if (!picked || !preview) return;
    useAppStore.getState().edit(preview.changes.map((c) => ({ target: 'values' as const, id: c.id, value: c.to })), { separateStep: true });
    void message.success(`已按${label}「${picked.name}」填入 ${preview.changes.length} 项，可用「撤销」还原`);
    setOpen(false);
    setPicked(null);
  };

  const close = (): void => {
    setOpen(false);
    setPicked(null);
  };

  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => setOpen(true)} disabled={readOnly}>
        选用{label}
      </Button>
      <Modal
        open={open}
        title={`选用${label}`}
        okText={preview && preview.overwrites > 0 ? `覆盖并填入` : '填入'}
        cancelText="取消"
        okButtonProps={{ disabled: !preview || preview.changes.length === 0 }}
        onOk={apply}
        onCancel={close}
        width={720}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <ProfilePicker kind={kind} value={picked?.id ?? null} onPick={setPicked} />
          {preview && preview.changes.length === 0 && <Alert type="info" showIcon message="这份档案的内容与当前填写的完全相同，没有需要填入的。" />}
          {preview && preview.changes.length > 0 && (
            <>
              <Typography.Text>
                将填入 {preview.changes.length} 项
                {preview.overwrites > 0 ? <Typography.Text type="danger">，其中 {preview.overwrites} 项会覆盖已填写的内容</Typography.Text> : '，都是目前空白的项'}
                。填入后可用「撤销」还原。
              </Typography.Text>
              <Table<ProfileChange>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={preview.changes}
                columns={[
                  { title: '项目', dataIndex: 'label', width: 160 },
                  { title: '现在', key: 'from', render: (_, c) => <Typography.Text type={c.from === undefined || c.from === '' ? 'secondary' : 'danger'}>{profileValueText(c.id, c.from)}</Typography.Text> },
                  { title: '档案中', key: 'to', render: (_, c) => profileValueText(c.id, c.to) },
                ]}
              />
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}
