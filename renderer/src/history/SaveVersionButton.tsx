import { TagOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { call, errorMessage } from '../api/client';
import { useAppStore } from '../store';
import { isPatchEmpty } from '../store/pendingPatch';

/** 保存为版本…: gives the content as it is now a name, so it can be found and compared later. */
export function SaveVersionButton({ draftId, onSaved }: { draftId: string; onSaved: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<void> => {
    const name = label.trim();
    if (name === '') {
      void message.error('请填写版本名称');
      return;
    }
    setBusy(true);
    try {
      await useAppStore.getState().flushSave();
      const state = useAppStore.getState();
      if (state.saveStatus === 'error' || state.inFlight !== null || !isPatchEmpty(state.pending) || !state.current) {
        void message.error('还有修改没有保存成功，请先重试保存再命名版本');
        return;
      }
      await call('draftsNameRevision', { id: draftId, revision: state.current.revision, label: name });
      void message.success(`已保存为版本「${name}」`);
      setOpen(false);
      setLabel('');
      onSaved();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<TagOutlined />} onClick={() => setOpen(true)}>
        保存为版本…
      </Button>
      <Modal title="保存为版本" open={open} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => void save()} onCancel={() => setOpen(false)} destroyOnHidden>
        <p>给当前内容起个名字，以后可以在历史版本中找到它、与当时比较或恢复。命名的版本不会被自动清理。</p>
        <Input
          aria-label="版本名称"
          placeholder="例如：交给王老师审阅前"
          maxLength={60}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          onPressEnter={() => void save()}
          autoFocus
        />
      </Modal>
    </>
  );
}
