import type { Page } from '@playwright/test';

/** Screenshots kept for people to look at (not only on failure): what a 1280×800 window shows. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}
