import { CheckCircleFilled, CloseCircleFilled, EditOutlined, ExclamationCircleFilled, MinusCircleOutlined, AuditOutlined } from '@ant-design/icons';
import { Menu, Progress, Typography } from 'antd';
import { useMemo } from 'react';
import { SECTION_STATUS_LABELS, sectionStatuses, type SectionStatusKind } from '../../../shared/progress';
import { useAppStore } from '../store';
import { REVIEW_STEP, wizardSections } from './sections';

const ICON: Record<SectionStatusKind, React.ReactNode> = {
  notStarted: <MinusCircleOutlined className="status-icon status-notStarted" />,
  inProgress: <EditOutlined className="status-icon status-inProgress" />,
  error: <CloseCircleFilled className="status-icon status-error" />,
  warning: <ExclamationCircleFilled className="status-icon status-warning" />,
  complete: <CheckCircleFilled className="status-icon status-complete" />,
};

/** Left: the sections with a status each, overall completion, and the 审阅与定稿 step. */
export function SectionNav({ onReview }: { onReview: () => void }) {
  const resolved = useAppStore((s) => s.resolved);
  const pack = useAppStore((s) => s.pack);
  const draft = useAppStore((s) => s.current?.draft);
  const results = useAppStore((s) => s.results);
  const sectionId = useAppStore((s) => s.sectionId);
  const setSection = useAppStore((s) => s.setSection);
  const sections = wizardSections(resolved);
  const g = draft?.guideline;
  const progress = useMemo(
    () => (pack && g && draft ? sectionStatuses(pack, g.programId, g.documentType, draft, results) : null),
    [pack, g, draft, results],
  );
  const statusOf = (id: string) => progress?.sections.find((s) => s.sectionId === id);

  return (
    <nav className="section-nav" aria-label="申报书章节">
      {progress && (
        <div className="section-nav-progress">
          <Typography.Text type="secondary">完成度</Typography.Text>
          <Progress percent={progress.completion} size="small" aria-label={`完成度 ${progress.completion}%`} />
        </div>
      )}
      <Menu
        mode="inline"
        selectedKeys={sectionId ? [sectionId] : []}
        onClick={({ key }) => (key === REVIEW_STEP ? onReview() : setSection(key))}
        items={[
          ...sections.map((s, i) => {
            const status = statusOf(s.id);
            return {
              key: s.id,
              icon: status ? ICON[status.status] : undefined,
              label: (
                <span className="section-nav-item" data-section={s.id} data-status={status?.status}>
                  <span className="section-nav-title">
                    {i + 1}. {s.title}
                  </span>
                  {status && <span className={`section-nav-status status-${status.status}`}>{SECTION_STATUS_LABELS[status.status]}</span>}
                </span>
              ),
            };
          }),
          { type: 'divider' as const },
          { key: REVIEW_STEP, icon: <AuditOutlined />, label: '审阅与定稿' },
        ]}
      />
    </nav>
  );
}
