import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { DraftSummary } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';

interface Props {
  draft: DraftSummary;
  onSubmit: (title: string) => Promise<void>;
  onClose: () => void;
}

interface Values {
  title: string;
}

const MAX_TITLE = 200;

export function RenameModal({ draft, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (): Promise<void> => {
    const { title } = await form.validateFields();
    setSubmitting(true);
    try {
      await onSubmit(title.trim());
      onClose();
    } catch (e) {
      form.setFields([{ name: 'title', errors: [e instanceof AppError ? e.message : '重命名失败，请重试'] }]);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title="重命名申报书"
      okText="确定"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ title: draft.title }} onFinish={() => void submit()}>
        <Form.Item
          name="title"
          label="项目名称"
          htmlFor="rename-title"
          rules={[
            { required: true, whitespace: true, message: '请输入项目名称' },
            { max: MAX_TITLE, message: `名称不能超过 ${MAX_TITLE} 个字符` },
          ]}
        >
          <Input id="rename-title" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
