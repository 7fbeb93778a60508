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

/**
 * Back to the home page with the list read again, so drafts seeded through the API appear; never a
 * reload, which would drop what the page keeps in memory (edits whose save failed). From another
 * page the list mounts afresh; on the home page itself it goes to 设置 and back, as a user could.
 */
export async function openHomeFresh(page: Page): Promise<void> {
  const onHome = ['', '#/'].includes(new URL(page.url()).hash);
  if (onHome) {
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByRole('link', { name: '返回' }).click();
  } else {
    await page.goto(homeOf(page));
  }
  await page.getByRole('tab', { name: /我的草稿/ }).waitFor();
}

/**
 * The user closes the window before the app (its host) stops: whatever the page would still fetch
 * in the background (the wizard it prefetches when idle) is not left to meet a stopped server.
 */
export async function closeApp(page: Page): Promise<void> {
  await page.goto('about:blank');
}
