import { Alert, Card, Empty, Form, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import type { ResolvedSection } from '../../../shared/pack/resolve';
import { evalCondition } from '../../../shared/rules/condition';
import { AttachmentSlot } from '../fields/AttachmentSlot';
import { DeclarationItem } from '../fields/DeclarationList';
import { FieldResults, useFieldResults } from '../fields/FieldResults';
import { FieldView } from '../fields/FieldView';
import { SectionProfileBar } from '../profiles';
import { DirectionBar } from './DirectionBar';
import { useAppStore } from '../store';

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), textarea, [contenteditable=true], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Scrolls to and focuses the field a goToField request names, once it is rendered. */
function useFocusRequest(container: React.RefObject<HTMLDivElement | null>, sectionId: string): void {
  const request = useAppStore((s) => s.focusRequest);
  useEffect(() => {
    if (!request || !container.current) return;
    const target = container.current.querySelector<HTMLElement>(`[data-field="${CSS.escape(request.field)}"]`);
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, [request, container, sectionId]);
}

function SlotResults({ id }: { id: string }) {
  return <FieldResults results={useFieldResults(id)} />;
}

/** A new section starts at its top with its heading focused, so keyboard and screen-reader users land on it. */
function useSectionStart(heading: React.RefObject<HTMLHeadingElement | null>): void {
  useEffect(() => {
    // The page itself scrolls (the section list and guideline panel are sticky beside it).
    window.scrollTo({ top: 0 });
    heading.current?.focus({ preventScroll: true });
  }, [heading]);
}

/** Centre: the section's fields from the pack (visibleWhen honoured), or its declarations / checklist. */
export function SectionView({ section }: { section: ResolvedSection }) {
  // The ids of the shown fields as one string: an edit re-renders the section only when it shows or hides a field.
  const shown = useAppStore((s) => {
    const draft = s.current?.draft;
    return draft ? section.fields.filter((f) => !f.visibleWhen || evalCondition(f.visibleWhen, draft)).map((f) => f.id).join('\n') : null;
  });
  const ref = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useSectionStart(heading);
  useFocusRequest(ref, section.id);
  const fields = useMemo(() => {
    const ids = new Set(shown?.split('\n'));
    return section.fields.filter((f) => ids.has(f.id));
  }, [section, shown]);
  if (shown === null) return null;
  const declarations = section.declarations ?? [];
  const attachments = section.attachments ?? [];
  const empty = fields.length === 0 && declarations.length === 0 && attachments.length === 0;
  return (
    <div ref={ref} className="section-view" data-section={section.id}>
      <Typography.Title level={3} className="section-title" ref={heading} tabIndex={-1}>
        {section.title}
      </Typography.Title>
      {section.id === 'basic' && <DirectionBar />}
      <SectionProfileBar sectionId={section.id} />
      {section.description && <Alert type="info" showIcon message={section.description} className="section-description" />}
      {empty && <Empty description="本章节在当前计划类别下没有需要填写的内容" />}
      <Form layout="vertical" component="div" requiredMark>
        {fields.map((f) => (
          <FieldView key={f.id} field={f} />
        ))}
      </Form>
      {declarations.length > 0 && (
        <Card size="small" title="请逐条阅读并勾选承诺" className="section-card">
          {declarations.map((d) => (
            <div key={d.id} data-field={d.id}>
              <DeclarationItem declaration={d} />
              <SlotResults id={d.id} />
            </div>
          ))}
        </Card>
      )}
      {attachments.length > 0 && (
        <div className="attachment-list">
          {attachments.map((a) => (
            <div key={a.id} data-field={a.id}>
              <AttachmentSlot item={a} />
              <SlotResults id={a.id} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
