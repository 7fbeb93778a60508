import { ArrowLeftOutlined, AuditOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { draftTitle } from '../../../shared/model/draft';
import { exportDraftData } from '../drafts/exportDraftData';
import { ExportMenu } from '../export/ExportMenu';
import { HistoryButton } from '../history/HistoryButton';
import { IssuesButton } from '../issues/IssuesButton';
import { useAppStore } from '../store';

/** Project name, program, undo/redo, issues, history and 审阅与定稿. */
export function WizardHeader({ onBack, onReview }: { onBack: () => void; onReview: () => void }) {
  // The title only, not the draft: the header must not re-render on every edit.
  const title = useAppStore((s) => (s.current ? draftTitle(s.current.draft) : null));
  const draftId = useAppStore((s) => s.current?.draft.id ?? null);
  const { message } = App.useApp();
  const programName = useAppStore((s) => s.resolved?.program.name ?? null);
  const packTitle = useAppStore((s) => s.pack?.title ?? null);
  const guidedBy = useAppStore((s) => s.current?.draft.guideline?.packId ?? null);
  const packFailed = useAppStore((s) => s.validationError !== null);
  // A draft on a guideline is never called 未选择申报指南 while its pack is still loading or failed to load.
  const programLine = programName
    ? `${packTitle ?? ''} · ${programName}`
    : guidedBy === null
      ? '未选择申报指南（按通用模板填写，不检查规则）'
      : packFailed
        ? `申报指南 ${guidedBy}（未能载入）`
        : '正在载入申报指南…';
  const canUndo = useAppStore((s) => s.undoStack.length > 0 && s.current?.draft.status !== 'final');
  const canRedo = useAppStore((s) => s.redoStack.length > 0 && s.current?.draft.status !== 'final');
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const guidanceOpen = useAppStore((s) => s.guidanceOpen);
  const setGuidanceOpen = useAppStore((s) => s.setGuidanceOpen);
  const previewOpen = useAppStore((s) => s.previewOpen);
  const setPreviewOpen = useAppStore((s) => s.setPreviewOpen);
  return (
    <header className="wizard-header">
      <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack}>
        返回列表
      </Button>
      <div className="wizard-heading">
        {/* Cut with CSS (wizard.css), not antd's ellipsis, which measures both lines in the DOM as the
            wizard opens: a forced layout of the whole page before its fields take input. */}
        <Typography.Title level={4} className="wizard-title one-line" title={title ?? undefined}>
          {title ?? '申报书'}
        </Typography.Title>
        <Typography.Text type="secondary" className="wizard-program one-line" title={programLine}>
          {programLine}
        </Typography.Text>
      </div>
      <Space size={8}>
        <Tooltip title="撤销（Ctrl+Z）">
          <Button icon={<UndoOutlined />} aria-label="撤销" disabled={!canUndo} onClick={undo} />
        </Tooltip>
        <Tooltip title="重做（Ctrl+Shift+Z）">
          <Button icon={<RedoOutlined />} aria-label="重做" disabled={!canRedo} onClick={redo} />
        </Tooltip>
        <IssuesButton />
        <HistoryButton />
        {draftId && (
          <ExportMenu
            draftId={draftId}
            onExportData={() => void useAppStore.getState().flushSave().then(() => exportDraftData(draftId, message))}
          />
        )}
        <Button onClick={() => setPreviewOpen(!previewOpen)} aria-pressed={previewOpen}>
          {previewOpen ? '关闭预览' : '预览'}
        </Button>
        <Button onClick={() => setGuidanceOpen(!guidanceOpen)} aria-pressed={guidanceOpen}>
          {guidanceOpen ? '收起指南' : '指南'}
        </Button>
        <Button type="primary" icon={<AuditOutlined />} onClick={onReview}>
          审阅与定稿
        </Button>
      </Space>
    </header>
  );
}
