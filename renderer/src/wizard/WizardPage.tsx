import { Alert, App, Button, Layout, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { navigate } from '../app/hashRoute';
import { GuidancePanel } from '../guidance/GuidancePanel';
import { AfterFirstPaint } from '../app/AfterFirstPaint';
import { lazyPart } from '../app/lazyPart';
import { useAppStore } from '../store';
import { prefetchEngine } from '../store/validationSlice';
import { SaveStatusBar } from './SaveStatusBar';
import { WizardHeader } from './WizardHeader';
import { SectionNav } from './SectionNav';
import { SectionView } from './SectionView';
import { lastSectionOf } from './wizardPreferences';
import { wizardSections } from './sections';
import { useUndoShortcuts } from './useUndoShortcuts';
import { KeptContentPanel } from '../upgrade/KeptContentPanel';
import { PackVersionBanner } from '../upgrade/PackVersionBanner';
import './wizard.css';

// The preview builds and lays out the whole book: it loads when first opened.
const PreviewPane = lazyPart(() => import('../preview/PreviewPane').then((m) => m.PreviewPane), '预览');

/** The screen applicants live in: sections left, the section's fields centre, the guideline right. */
export function WizardPage({ draftId }: { draftId: string }) {
  const { message } = App.useApp();
  const loaded = useAppStore((s) => s.current?.draft.id === draftId);
  const isFinal = useAppStore((s) => s.current?.draft.id === draftId && s.current.draft.status === 'final');
  const openError = useAppStore((s) => s.openError);
  const resolved = useAppStore((s) => s.resolved);
  const sectionId = useAppStore((s) => s.sectionId);
  const guidanceOpen = useAppStore((s) => s.guidanceOpen);
  const previewOpen = useAppStore((s) => s.previewOpen);
  const validationError = useAppStore((s) => s.validationError);
  const guided = useAppStore((s) => s.current?.draft.id === draftId && Boolean(s.current.draft.guideline));
  useUndoShortcuts();

  useEffect(() => {
    let cancelled = false;
    const store = useAppStore.getState();
    store.resetHistory();
    // Reopen where the applicant left off; an unknown id (the pack changed) falls back to the first section.
    useAppStore.setState({ sectionId: lastSectionOf(draftId) });
    const opened = store.openDraft(draftId);
    // The engine's code loads while the draft is fetched, not after it.
    prefetchEngine();
    void opened.then(() => {
      if (!cancelled) void useAppStore.getState().startValidation(draftId);
    });
    const flushWhenHidden = (): void => {
      if (document.visibilityState === 'hidden') void useAppStore.getState().flushSave();
    };
    document.addEventListener('visibilitychange', flushWhenHidden);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', flushWhenHidden);
      // Leaving by any route (back button, address bar) sends what is queued; what fails is kept per draft.
      void useAppStore.getState().flushSave();
    };
  }, [draftId]);

  // A draft on a guideline waits for its pack: the default sections shown meanwhile would be
  // replaced under the applicant's hands (other sections, other fields) a moment later.
  const packReady = !guided || resolved !== null || validationError !== null;
  const sections = wizardSections(resolved);
  const section = sections.find((s) => s.id === sectionId) ?? sections[0];

  const leave = async (to: () => void): Promise<void> => {
    await useAppStore.getState().flushSave();
    if (useAppStore.getState().saveStatus === 'error') {
      void message.error('有修改未能保存，请先重试保存再离开');
      return;
    }
    to();
  };
  const back = (): void => void leave(() => navigate({ name: 'list' }));
  const review = (): void => void leave(() => navigate({ name: 'review', draftId }));

  if (openError) {
    return (
      <Result
        status="warning"
        title="无法打开这份草稿"
        subTitle={openError}
        extra={
          <Button type="primary" onClick={() => navigate({ name: 'list' })}>
            返回草稿列表
          </Button>
        }
      />
    );
  }

  return (
    <Layout className="wizard">
      <WizardHeader onBack={back} onReview={review} />
      {loaded && packReady && section ? (
        <div className="wizard-body">
          {/* The section list and the guideline beside the fields follow them by one frame: together they
              cost about as much to draw as the fields, and the applicant starts in the fields. */}
          <aside className="wizard-nav">
            <AfterFirstPaint>
              <SectionNav onReview={review} />
            </AfterFirstPaint>
          </aside>
          <main className="wizard-centre" onBlurCapture={() => void useAppStore.getState().flushSave()}>
            {isFinal && <Alert type="info" showIcon className="wizard-banner" message="这份申报书已定稿，内容只能查看，不能修改。" />}
            {validationError && <Alert type="warning" showIcon className="wizard-banner" message={validationError} />}
            <PackVersionBanner draftId={draftId} />
            <KeptContentPanel />
            <SectionView key={section.id} section={section} />
          </main>
          {previewOpen && (
            <aside className="wizard-preview" aria-label="预览">
              <PreviewPane sectionId={section.id} />
            </aside>
          )}
          {guidanceOpen && !previewOpen && (
            <aside className="wizard-guidance" aria-label="指南">
              <AfterFirstPaint>
                <GuidancePanel sectionId={section.id} />
              </AfterFirstPaint>
            </aside>
          )}
        </div>
      ) : (
        <div className="wizard-loading">
          <Spin tip={loaded ? '正在载入申报指南…' : '正在打开草稿…'}>
            <div className="wizard-loading-box" />
          </Spin>
        </div>
      )}
      <SaveStatusBar />
    </Layout>
  );
}
