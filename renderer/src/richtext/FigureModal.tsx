import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../api/client';
import { readFileBase64 } from '../fields/readFileBase64';
import type { FigureAttrs } from './figureNode';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

interface Props {
  /** `insert` uploads a picture into the attachment library; `caption` only edits the selected figure's 题注. */
  mode: 'insert' | 'caption' | null;
  initialCaption: string;
  onCancel: () => void;
  onInsert: (attrs: FigureAttrs) => void;
  onCaption: (caption: string) => void;
}

export function FigureModal({ mode, initialCaption, onCancel, onInsert, onCaption }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (mode === null) return;
    setFile(null);
    setCaption(mode === 'caption' ? initialCaption : '');
    setError(null);
  }, [mode, initialCaption]);

  const pick = (picked: File | undefined): void => {
    if (!picked) return;
    if (!IMAGE_TYPES.includes(picked.type)) {
      setError(`「${picked.name}」不是 PNG、JPEG、GIF 或 WebP 图片`);
      return;
    }
    setError(null);
    setFile(picked);
  };

  const ok = async (): Promise<void> => {
    if (mode === 'caption') {
      onCaption(caption.trim());
      return;
    }
    if (!file) {
      setError('请先选择一张图片');
      return;
    }
    setBusy(true);
    try {
      const ref = await call('attachmentsPut', { name: file.name, mediaType: file.type, dataBase64: await readFileBase64(file) });
      onInsert({ sha256: ref.sha256, mediaType: ref.mediaType, caption: caption.trim() });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={mode !== null}
      title={mode === 'caption' ? '编辑题注' : '插入图片'}
      okText={mode === 'caption' ? '确定' : '插入'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void ok()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        {mode === 'insert' && (
          <Form.Item label="图片" extra="图片存入本草稿的附件库，申报书中按题注引用。">
            <input ref={input} type="file" accept={IMAGE_TYPES.join(',')} className="rt-file-input" aria-label="选择图片文件" onChange={(e) => pick(e.target.files?.[0])} />
            <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
              选择图片…
            </Button>
            {file && <Typography.Text className="rt-file-name">{file.name}</Typography.Text>}
          </Form.Item>
        )}
        <Form.Item label="题注" htmlFor="rt-figure-caption">
          <Input id="rt-figure-caption" value={caption} maxLength={200} placeholder="例如：图1 技术路线图" onChange={(e) => setCaption(e.target.value)} onPressEnter={() => void ok()} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
