import { Layout, Typography } from 'antd';
import { useEffect } from 'react';
import { DraftsPage } from '../drafts/DraftsPage';
import { RecoveryModal } from '../settings/RecoveryModal';
import { useAppStore } from '../store';
import { firstDraftsListSettled } from '../store/draftsSlice';
import { prefetchEngine } from '../store/validationSlice';
import { lazyPart } from './lazyPart';
import { useHashRouting } from './useHashRouting';
import { useUnsavedGuard } from './useUnsavedGuard';
import './app.css';

// Only the home page (the drafts list) is in the first script; every other page loads when opened.
const WizardPage = lazyPart(() => import('../wizard/WizardPage').then((m) => m.WizardPage), '填写页');
const ExportPage = lazyPart(() => import('../export/ExportPage').then((m) => m.ExportPage), '导出页');
const VerifyPage = lazyPart(() => import('../export/VerifyPage').then((m) => m.VerifyPage), '检查申报包');
const SettingsPage = lazyPart(() => import('../settings/SettingsPage').then((m) => m.SettingsPage), '设置');
const ProfilesPage = lazyPart(() => import('../profiles').then((m) => m.ProfilesPage), '档案');
const ReviewPage = lazyPart(() => import('../review/ReviewPage').then((m) => m.ReviewPage), '审阅页');
const StudioPage = lazyPart(() => import('../studio/StudioPage').then((m) => m.StudioPage), '指南工作台');
const NewDraftPage = lazyPart(() => import('../newDraft/NewDraftPage').then((m) => m.NewDraftPage), '新建向导');

/**
 * Once the home page is up and the browser is idle, the wizard and its rich editor are fetched and
 * evaluated in the background, so opening a draft does not wait for them while the first script
 * stays small. A failed fetch is ignored here: opening the page then reports it (lazyPart).
 */
function usePrefetchWizard(): void {
  useEffect(() => {
    let cancel = (): void => undefined;
    let stopped = false;
    const prefetch = (): void => {
      void import('../wizard/WizardPage').catch(() => undefined);
      void import('../richtext/RichTextField').catch(() => undefined);
      prefetchEngine();
    };
    // After the home page's first rows are drawn, never while its list request is in flight.
    void firstDraftsListSettled().then(() => {
      if (stopped) return;
      if (typeof window.requestIdleCallback === 'function') {
        const id = window.requestIdleCallback(prefetch, { timeout: 2000 });
        cancel = () => window.cancelIdleCallback(id);
      } else {
        const timer = window.setTimeout(prefetch, 500);
        cancel = () => window.clearTimeout(timer);
      }
    });
    return () => {
      stopped = true;
      cancel();
    };
  }, []);
}

export function App() {
  useHashRouting();
  useUnsavedGuard();
  usePrefetchWizard();
  const route = useAppStore((s) => s.route);
  return (
    <Layout className="app-layout">
      {route.name === 'editor' ? (
        <WizardPage key={route.draftId} draftId={route.draftId} />
      ) : route.name === 'export' ? (
        <ExportPage key={route.draftId} draftId={route.draftId} />
      ) : route.name === 'verify' ? (
        <VerifyPage />
      ) : route.name === 'settings' ? (
        <SettingsPage />
      ) : route.name === 'profiles' ? (
        <ProfilesPage />
      ) : route.name === 'studio' ? (
        <StudioPage />
      ) : route.name === 'review' ? (
        <ReviewPage key={route.draftId} draftId={route.draftId} />
      ) : (
        <>
          <Layout.Header className="app-header">
            <Typography.Title level={4} className="app-brand">
              申报通
            </Typography.Title>
            <Typography.Text className="app-tagline">科技计划项目申报书离线撰写</Typography.Text>
            <Typography.Link href="#/profiles" className="app-profiles-link">
              单位与人员档案
            </Typography.Link>
            <Typography.Link href="#/studio" className="app-studio-link">
              指南工作台
            </Typography.Link>
            <Typography.Link href="#/verify" className="app-verify-link">
              检查申报包
            </Typography.Link>
            <Typography.Link href="#/settings" className="app-settings-link">
              设置
            </Typography.Link>
          </Layout.Header>
          <Layout.Content className="app-content">
            {route.name === 'newDraft' ? <NewDraftPage /> : <DraftsPage />}
          </Layout.Content>
        </>
      )}
      <RecoveryModal />
    </Layout>
  );
}
