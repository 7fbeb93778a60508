import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Profile } from '../../../shared/ipc/domains/profiles.contract';
import type { TableRow } from '../../../shared/model/draft';
import { useAppStore } from '../store';
import { memberRowFromProfile, profileValuesFromMember } from './profileFields';
import { ProfilePicker } from './ProfilePicker';
import { SaveAsProfileButton } from './SaveAsProfileButton';

const MEMBERS = 'members';
const EMPTY: TableRow[] = [];

/** 项目组成员: add a member from a person profile, or keep a member as a person profile. */
export function MemberProfileActions() {
  const { message } = App.useApp();
  const rows = useAppStore((s) => s.current?.draft.tables[MEMBERS] ?? EMPTY);
  const readOnly = useAppStore((s) => s.current?.draft.status === 'final');
  const [adding, setAdding] = useState(false);
  const [picked, setPicked] = useState<Profile | null>(null);
  const [memberIndex, setMemberIndex] = useState<number | null>(null);

  const add = (): void => {
    const state = useAppStore.getState();
    if (!picked || !state.current) return;
    const row = memberRowFromProfile(picked.values, state.current.draft.values['applicant.name']);
    state.edit([{ target: 'tables', id: MEMBERS, value: [...rows, row] }], { separateStep: true });
    void message.success(`已把「${picked.name}」添加为第 ${rows.length + 1} 位成员，请补全分工和投入月数`);
    setAdding(false);
    setPicked(null);
  };

  const named = rows.map((r, i) => ({ value: i, label: typeof r.name === 'string' && r.name.trim() !== '' ? `${i + 1}. ${r.name}` : `${i + 1}.（未填姓名）` }));
  const selected = memberIndex !== null ? rows[memberIndex] : undefined;

  return (
    <Space wrap className="profile-bar">
      <Button icon={<UserAddOutlined />} disabled={readOnly} onClick={() => setAdding(true)}>
        从个人档案添加成员
      </Button>
      <Select
        aria-label="选择要存为档案的成员"
        placeholder="选择成员存为个人档案"
        style={{ minWidth: 200 }}
        value={memberIndex ?? undefined}
        options={named}
        onChange={(i: number) => setMemberIndex(i)}
        notFoundContent="还没有成员"
      />
      <SaveAsProfileButton kind="person" values={selected ? profileValuesFromMember(selected) : {}} />
      <Modal
        open={adding}
        title="从个人档案添加成员"
        okText="添加"
        cancelText="取消"
        okButtonProps={{ disabled: !picked }}
        onOk={add}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Space direction="vertical">
          <ProfilePicker kind="person" value={picked?.id ?? null} onPick={setPicked} />
          <Typography.Text type="secondary">添加为新的一行：姓名、身份证号码、职称取自档案，工作单位取自本申报书的申报单位。</Typography.Text>
        </Space>
      </Modal>
    </Space>
  );
}
