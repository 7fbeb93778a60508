import { EditorContent, useEditor } from '@tiptap/react';
import { Form, Typography } from 'antd';
import { memo, useCallback, useEffect, useState } from 'react';
import { parseRichValue } from '../../../shared/richtext';
import { readCspNonce } from '../app/cspNonce';
import { richExtensions } from './extensions';
import { FigureModal } from './FigureModal';
import { RichToolbar } from './RichToolbar';
import { useRichBinding } from './useRichBinding';
import './richtext.css';

export interface RichTextFieldProps {
  fieldId: string;
  label: string;
  help?: string;
  /** In Word 字数, as the guideline states it. */
  maxChars?: number;
  minChars?: number;
}

/**
 * The toolbar re-renders from the editor's own state (useEditorState); the 字数 changing in the
 * field around it must not re-render its sixteen tooltips.
 */
const MemoToolbar = memo(RichToolbar);

/** The DOM id issue lists and tests focus: the editable element itself. */
export function richFieldDomId(fieldId: string): string {
  return `field-${fieldId.replace(/\./g, '-')}`;
}

/**
 * A narrative field (立项依据, 研究内容…) in a TipTap editor: sub-headings （一）/ 1. /（1）, lists,
 * simple tables and figures with captions. The editor is created once per field, so IME
 * composition is never interrupted; the value is serialized to the stored JSON debounced and
 * on blur, never per keystroke.
 */
export function RichTextField({ fieldId, label, help, maxChars, minChars }: RichTextFieldProps) {
  const binding = useRichBinding(fieldId);
  const { scheduleCommit, flush } = binding;
  const domId = richFieldDomId(fieldId);
  const labelId = `${domId}-label`;
  const [figureMode, setFigureMode] = useState<'insert' | 'caption' | null>(null);
  const insertFigure = useCallback(() => setFigureMode('insert'), []);
  const editCaption = useCallback(() => setFigureMode('caption'), []);

  const editor = useEditor(
    {
      extensions: richExtensions(),
      content: binding.initialDoc,
      editable: !binding.readOnly,
      injectNonce: readCspNonce(),
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          id: domId,
          class: 'rt-content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          spellcheck: 'false',
        },
      },
      onUpdate: ({ editor: e }) => scheduleCommit(e),
      onBlur: ({ editor: e }) => flush(e),
    },
    // Created once per field: recreating on each keystroke would break IME composition.
    [fieldId],
  );

  useEffect(() => {
    if (editor && editor.isEditable === binding.readOnly) editor.setEditable(!binding.readOnly);
  }, [editor, binding.readOnly]);

  // A value from outside (revision restore, reload) replaces the content; our own writes do not.
  const { storedValue, isOwnValue, adopt } = binding;
  useEffect(() => {
    if (!editor || isOwnValue(storedValue)) return;
    const doc = parseRichValue(storedValue as Parameters<typeof parseRichValue>[0]);
    editor.commands.setContent(doc, { emitUpdate: false });
    adopt(doc);
  }, [editor, storedValue, isOwnValue, adopt]);

  const count = binding.wordCount;
  const over = maxChars !== undefined && count > maxChars;
  const under = minChars !== undefined && count > 0 && count < minChars;
  const limitText = maxChars !== undefined ? ` / ${maxChars}` : '';

  return (
    <Form.Item
      label={<span id={labelId}>{label}</span>}
      validateStatus={over ? 'error' : under ? 'warning' : undefined}
      help={over ? `已超出 ${count - (maxChars ?? 0)} 字，请精简到 ${maxChars} 字以内` : under ? `不足 ${minChars} 字` : help}
      extra={
        <Typography.Text type={over ? 'danger' : 'secondary'} className="word-count rt-word-count" aria-live="polite" data-testid={`${domId}-count`}>
          字数：{count}
          {limitText}
        </Typography.Text>
      }
    >
      <div className={`rt-field${over ? ' rt-field-over' : ''}`}>
        {editor && <MemoToolbar editor={editor} onInsertFigure={insertFigure} onEditCaption={editCaption} />}
        <EditorContent editor={editor} />
        <Typography.Text type="secondary" className="rt-hint">
          标题编号（一）1.（1）自动生成，无需输入；Shift+Enter 换行不分段。
        </Typography.Text>
      </div>
      {/* Mounted only while open: a closed antd Modal still costs a render each time the 字数 changes. */}
      {editor && figureMode !== null && (
        <FigureModal
          mode={figureMode}
          initialCaption={figureMode === 'caption' ? String(editor.getAttributes('figure').caption ?? '') : ''}
          onCancel={() => setFigureMode(null)}
          onInsert={(attrs) => {
            setFigureMode(null);
            editor.chain().focus().insertFigure(attrs).run();
          }}
          onCaption={(caption) => {
            setFigureMode(null);
            editor.chain().focus().setFigureCaption(caption).run();
          }}
        />
      )}
    </Form.Item>
  );
}
