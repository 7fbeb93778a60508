import { ImportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useRef, type ChangeEvent } from 'react';

interface Props {
  onFile: (file: File) => void;
}

/** A plain button in front of a hidden file input, so the picker looks like the rest of the toolbar. */
export function ImportDraftButton({ onFile }: Props) {
  const input = useRef<HTMLInputElement>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    // Clear so choosing the same file again still fires a change.
    event.target.value = '';
    if (file) onFile(file);
  };

  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => input.current?.click()}>
        导入草稿文件
      </Button>
      <input
        ref={input}
        type="file"
        accept=".zip,.json,application/zip,application/json"
        aria-label="选择草稿文件"
        hidden
        onChange={onChange}
      />
    </>
  );
}
