import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './electron/services/export/pdf/chromiumPrinter';

const chromiumUse: NonNullable<PlaywrightTestConfig['use']> = {
  browserName: 'chromium',
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  launchOptions: {
    executablePath: process.env.SHENBAO_CHROMIUM ?? '/usr/bin/chromium',
    // The same flags the PDF printer uses: this machine's closed network and running as root.
    args: CHROMIUM_ARGS,
  },
};

/**
 * Browser E2E runs the built renderer (`npm run build` first) against the real browser-mode host,
 * in the system's Debian Chromium: no browser downloads.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // Two cores: one worker keeps the Chromium and the host from starving each other.
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: true,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      // Includes the four full journeys (journeys/), which set their own longer timeout.
      testMatch: /[\\/]browser[\\/].*\.spec\.ts$/,
      use: chromiumUse,
    },
    {
      // Drives the Electron binary itself (written with the shell); needs no browser.
      name: 'electron',
      testMatch: /[\\/]e2e[\\/]electron\.spec\.ts$/,
    },
  ],
});
