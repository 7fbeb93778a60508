import { CheckCircleFilled, CloseCircleFilled, EditOutlined, ExclamationCircleFilled, MinusCircleOutlined, AuditOutlined } from '@ant-design/icons';
import { Menu, Progress, Typography } from 'antd';
import { memo, useCallback, useDeferredValue, useMemo } from 'react';
import type { ResolvedSection } from '../../../shared/pack/resolve';
import { SECTION_STATUS_LABELS, sectionStatuses, type SectionStatusKind } from '../../../shared/progress';
import { useAppStore } from '../store';
import { REVIEW_STEP, wizardSections } from './sections';

const ICON: Record<SectionStatusKind, React.ReactNode> = {
  notStarted: <MinusCircleOutlined className="status-icon status-notStarted" />,
  optional: <MinusCircleOutlined className="status-icon status-optional" />,
  inProgress: <EditOutlined className="status-icon status-inProgress" />,
  error: <CloseCircleFilled className="status-icon status-error" />,
  warning: <ExclamationCircleFilled className="status-icon status-warning" />,
  complete: <CheckCircleFilled className="status-icon status-complete" />,
};

/** The section menu, re-rendered only when a section's status or the selection changes (antd Menu is costly). */
const SectionMenu = memo(function SectionMenu({
  sections,
  statusKey,
  sectionId,
  onSelect,
}: {
  sections: ResolvedSection[];
  /** One `status:filled/required` per section, in order, joined: a string so that equal statuses compare equal. */
  statusKey: string;
  sectionId: string | null;
  onSelect: (key: string) => void;
}) {
  const entries = statusKey.split(',').map((e) => {
    const [status = '', count = ''] = e.split(':');
    return { status: status as SectionStatusKind | '', count };
  });
  return (
    <Menu
      mode="inline"
      selectedKeys={sectionId ? [sectionId] : []}
      onClick={({ key }) => onSelect(key)}
      items={[
        ...sections.map((s, i) => {
          const status = entries[i]?.status || undefined;
          // Incompleteness is progress, not a fault: grey, with the count of required items present.
          const count = status === 'notStarted' || status === 'inProgress' ? entries[i]?.count : '';
          return {
            key: s.id,
            icon: status ? ICON[status] : undefined,
            label: (
              <span className="section-nav-item" data-section={s.id} data-status={status}>
                <span className="section-nav-title">
                  {i + 1}. {s.title}
                </span>
                {status && (
                  <span className={`section-nav-status status-${status}`}>
                    {SECTION_STATUS_LABELS[status]}
                    {count ? ` ${count}` : ''}
                  </span>
                )}
              </span>
            ),
          };
        }),
        { type: 'divider' as const },
        { key: REVIEW_STEP, icon: <AuditOutlined />, label: '审阅与定稿' },
      ]}
    />
  );
});

/** Left: the sections with a status each, overall completion, and the 审阅与定稿 step. */
export function SectionNav({ onReview }: { onReview: () => void }) {
  const resolved = useAppStore((s) => s.resolved);
  const pack = useAppStore((s) => s.pack);
  const draft = useAppStore((s) => s.current?.draft);
  const results = useAppStore((s) => s.results);
  const sectionId = useAppStore((s) => s.sectionId);
  const setSection = useAppStore((s) => s.setSection);
  const sections = useMemo(() => wizardSections(resolved), [resolved]);
  // Statuses follow typing a little behind: the keystroke's own render never waits for them.
  const deferredDraft = useDeferredValue(draft);
  const deferredResults = useDeferredValue(results);
  const g = deferredDraft?.guideline;
  const progress = useMemo(
    () => (pack && g && deferredDraft ? sectionStatuses(pack, g.programId, g.documentType, deferredDraft, deferredResults) : null),
    [pack, g, deferredDraft, deferredResults],
  );
  const statusKey = sections
    .map((s) => {
      const p = progress?.sections.find((x) => x.sectionId === s.id);
      return p ? `${p.status}:${p.required > 0 ? `${p.filled}/${p.required}` : ''}` : '';
    })
    .join(',');
  const onSelect = useCallback((key: string) => (key === REVIEW_STEP ? onReview() : setSection(key)), [onReview, setSection]);

  return (
    <nav className="section-nav" aria-label="申报书章节">
      {progress && (
        <div className="section-nav-progress">
          <Typography.Text type="secondary">完成度</Typography.Text>
          <Progress percent={progress.completion} size="small" aria-label={`完成度 ${progress.completion}%`} />
          <Typography.Text type="secondary" className="section-nav-required" data-testid="required-count">
            必填 {progress.filled}/{progress.required} 项
          </Typography.Text>
        </div>
      )}
      <SectionMenu sections={sections} statusKey={statusKey} sectionId={sectionId} onSelect={onSelect} />
    </nav>
  );
}
