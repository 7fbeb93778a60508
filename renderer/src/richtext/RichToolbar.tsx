import {
  BoldOutlined,
  DeleteColumnOutlined,
  DeleteOutlined,
  DeleteRowOutlined,
  InsertRowBelowOutlined,
  InsertRowRightOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  PictureOutlined,
  RedoOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useEditorState } from '@tiptap/react';
import { Button, Divider, Tooltip } from 'antd';
import type { ReactNode } from 'react';

interface ToolProps {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  icon?: ReactNode;
  text?: string;
  onClick: () => void;
}

function Tool({ label, shortcut, active, disabled, icon, text, onClick }: ToolProps) {
  return (
    <Tooltip title={shortcut ? `${label}（${shortcut}）` : label} mouseEnterDelay={0.6}>
      <Button
        size="small"
        type={active ? 'primary' : 'text'}
        ghost={active}
        icon={icon}
        aria-label={label}
        aria-pressed={active === undefined ? undefined : active}
        disabled={disabled}
        // Keeps the caret in the editor: a toolbar click must not blur the text it formats.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      >
        {text}
      </Button>
    </Tooltip>
  );
}

interface Props {
  editor: Editor;
  onInsertFigure: () => void;
  onEditCaption: () => void;
}

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** Block styles, marks, lists, tables, figures and history; every action also has a shortcut. */
export function RichToolbar({ editor, onInsertFigure, onEditCaption }: Props) {
  // Selected once per transaction, so typing re-renders the toolbar only when a state flips.
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      editable: e.isEditable,
      paragraph: e.isActive('paragraph'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      sup: e.isActive('superscript'),
      sub: e.isActive('subscript'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      table: e.isActive('table'),
      figure: e.isActive('figure'),
      // The history's depth, not e.can().undo(): that dry-runs a command chain on every keystroke.
      canUndo: undoDepth(e.state) > 0,
      canRedo: redoDepth(e.state) > 0,
    }),
  });
  const chain = () => editor.chain().focus();
  const off = !s.editable;
  return (
    <div className="rt-toolbar" role="toolbar" aria-label="排版工具">
      <Tool label="正文" text="正文" shortcut={`${MOD}+Alt+0`} active={s.paragraph} disabled={off} onClick={() => chain().setParagraph().run()} />
      <Tool label="（一）标题" text="（一）标题" shortcut={`${MOD}+Alt+2`} active={s.h2} disabled={off} onClick={() => chain().toggleHeading({ level: 2 }).run()} />
      <Tool label="1. 标题" text="1. 标题" shortcut={`${MOD}+Alt+3`} active={s.h3} disabled={off} onClick={() => chain().toggleHeading({ level: 3 }).run()} />
      <Tool label="（1）标题" text="（1）标题" shortcut={`${MOD}+Alt+4`} active={s.h4} disabled={off} onClick={() => chain().toggleHeading({ level: 4 }).run()} />
      <Divider type="vertical" />
      <Tool label="加粗" icon={<BoldOutlined />} shortcut={`${MOD}+B`} active={s.bold} disabled={off} onClick={() => chain().toggleBold().run()} />
      <Tool label="倾斜" icon={<ItalicOutlined />} shortcut={`${MOD}+I`} active={s.italic} disabled={off} onClick={() => chain().toggleItalic().run()} />
      <Tool label="下划线" icon={<UnderlineOutlined />} shortcut={`${MOD}+U`} active={s.underline} disabled={off} onClick={() => chain().toggleUnderline().run()} />
      <Tool label="上标" text="x²" shortcut={`${MOD}+.`} active={s.sup} disabled={off} onClick={() => chain().toggleSuperscript().run()} />
      <Tool label="下标" text="x₂" shortcut={`${MOD}+,`} active={s.sub} disabled={off} onClick={() => chain().toggleSubscript().run()} />
      <Divider type="vertical" />
      <Tool label="项目符号" icon={<UnorderedListOutlined />} shortcut={`${MOD}+Shift+8`} active={s.bullet} disabled={off} onClick={() => chain().toggleBulletList().run()} />
      <Tool label="编号" icon={<OrderedListOutlined />} shortcut={`${MOD}+Shift+7`} active={s.ordered} disabled={off} onClick={() => chain().toggleOrderedList().run()} />
      <Divider type="vertical" />
      <Tool label="插入表格" icon={<TableOutlined />} disabled={off || s.table} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()} />
      {s.table && (
        <>
          <Tool label="在下方插入行" icon={<InsertRowBelowOutlined />} disabled={off} onClick={() => chain().addRowAfter().run()} />
          <Tool label="在右侧插入列" icon={<InsertRowRightOutlined />} disabled={off} onClick={() => chain().addColumnAfter().run()} />
          <Tool label="删除行" icon={<DeleteRowOutlined />} disabled={off} onClick={() => chain().deleteRow().run()} />
          <Tool label="删除列" icon={<DeleteColumnOutlined />} disabled={off} onClick={() => chain().deleteColumn().run()} />
          <Tool label="删除表格" icon={<DeleteOutlined />} disabled={off} onClick={() => chain().deleteTable().run()} />
        </>
      )}
      <Tool label="插入图片" icon={<PictureOutlined />} disabled={off} onClick={onInsertFigure} />
      {s.figure && <Tool label="编辑题注" text="编辑题注" disabled={off} onClick={onEditCaption} />}
      <Divider type="vertical" />
      <Tool label="撤销" icon={<UndoOutlined />} shortcut={`${MOD}+Z`} disabled={off || !s.canUndo} onClick={() => chain().undo().run()} />
      <Tool label="重做" icon={<RedoOutlined />} shortcut={`${MOD}+Shift+Z`} disabled={off || !s.canRedo} onClick={() => chain().redo().run()} />
    </div>
  );
}
