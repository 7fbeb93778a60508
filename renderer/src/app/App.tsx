import { Layout, Typography } from 'antd';
import { DraftsPage } from '../drafts/DraftsPage';
import { ExportPage } from '../export/ExportPage';
import { VerifyPage } from '../export/VerifyPage';
import { NewDraftPage } from '../newDraft/NewDraftPage';
import { ProfilesPage } from '../profiles';
import { ReviewPage } from '../review/ReviewPage';
import { RecoveryModal } from '../settings/RecoveryModal';
import { SettingsPage } from '../settings/SettingsPage';
import { useAppStore } from '../store';
import { WizardPage } from '../wizard/WizardPage';
import { useHashRouting } from './useHashRouting';
import { useUnsavedGuard } from './useUnsavedGuard';
import './app.css';

export function App() {
  useHashRouting();
  useUnsavedGuard();
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
