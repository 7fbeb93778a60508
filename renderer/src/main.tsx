import './app/zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './app/App';
import { readCspNonce } from './app/cspNonce';
import { nonceStyleElements } from './app/nonceStyleElements';

dayjs.locale('zh-cn');

const nonce = readCspNonce();
nonceStyleElements(nonce);

const root = document.getElementById('root');
if (!root) throw new Error('页面缺少 #root 节点');

createRoot(root).render(
  <StrictMode>
    {/* The nonce lets antd's runtime <style> tags pass the strict CSP (no unsafe-inline). */}
    <ConfigProvider
      locale={zhCN}
      csp={{ nonce }}
      // No space inserted between two-character labels, so 「重试」 reads and is named 「重试」.
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
    >
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
