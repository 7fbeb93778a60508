import type { Page } from '@playwright/test';

/**
 * The only way a browser test opens the app: the token link or the home page, as a user opens it
 * from the terminal. Every other page is reached by clicks (lint forbids `goto` elsewhere in
 * test/e2e), so a screen no button leads to fails its own test instead of passing unnoticed.
 */
export async function openApp(page: Page, url: string): Promise<void> {
  const hash = new URL(url).hash;
  if (hash !== '' && hash !== '#/') throw new Error(`openApp 只能打开首页，不能直接打开内部页面：${hash}`);
  await page.goto(url);
}

/** The home page of the host the page is already on (the session cookie was set by the token link). */
export function homeOf(page: Page): string {
  return `${new URL(page.url()).origin}/#/`;
}

/** Back to the home page and reload it, so the list re-reads the store (drafts seeded through the API appear). */
export async function openHomeFresh(page: Page): Promise<void> {
  await page.goto(homeOf(page));
  await page.reload();
  await page.getByRole('tab', { name: /我的草稿/ }).waitFor();
}
