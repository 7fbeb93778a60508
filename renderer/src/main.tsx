import './app/zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './app/App';
import { ANTD_THEME } from './app/antdTheme';
import { readCspNonce } from './app/cspNonce';
import { firstDraftsListSettled } from './store/draftsSlice';
import { nonceStyleElements } from './app/nonceStyleElements';

dayjs.locale('zh-cn');

const nonce = readCspNonce();
nonceStyleElements(nonce);

const root = document.getElementById('root');
if (!root) throw new Error('页面缺少 #root 节点');

// The home page's list was asked for while this script ran; waiting for it a little (never more
// than 300 ms) lets the first render show the rows, instead of an empty table and a second render.
const FIRST_LIST_WAIT_MS = 300;
void Promise.race([firstDraftsListSettled(), new Promise((resolve) => setTimeout(resolve, FIRST_LIST_WAIT_MS))]).then(() => {
  createRoot(root).render(
    <StrictMode>
      {/* The nonce lets antd's runtime <style> tags pass the strict CSP (no unsafe-inline). */}
      <ConfigProvider
        locale={zhCN}
        csp={{ nonce }}
        // No space inserted between two-character labels, so 「重试」 reads and is named 「重试」.
        button={{ autoInsertSpace: false }}
        theme={ANTD_THEME}
      >
        <AntApp>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
});
