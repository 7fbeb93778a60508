import { expect, type Locator, type Page } from '@playwright/test';
import { expectSettled } from './settled';

type Severity = 'incomplete' | 'pending' | 'error' | 'warning' | 'info';

/** The 问题清单: a badge button in the wizard (and on the review page) and the drawer it opens. */
export class IssuesPanel {
  readonly button: Locator;
  readonly warningCount: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('issues-button');
    this.warningCount = page.getByTestId('issues-warning-count');
    this.drawer = page.locator('.issues-drawer-root .ant-drawer-content');
  }

  /** The badge's count; the first check after opening a draft waits for the pack to load and the rules to run. */
  async expectErrorBadge(count: number): Promise<void> {
    await expect(this.button).toHaveAccessibleName(new RegExp(`问题清单：${count} 个错误`), { timeout: 30_000 });
  }

  async open(): Promise<void> {
    await this.button.click();
    await expectSettled(this.drawer);
  }

  async close(): Promise<void> {
    await this.page.locator('.issues-drawer-root .ant-drawer-close').click();
    await expect(this.drawer).toBeHidden();
  }

  group(severity: Severity): Locator {
    return this.drawer.locator(`[data-group="${severity}"]`);
  }

  issue(ruleId: string): Locator {
    return this.drawer.locator(`.issue-item[data-rule="${ruleId}"]`);
  }

  /** Opens the clause of an issue to its verbatim quote; returns the quote. */
  async showQuote(ruleId: string): Promise<Locator> {
    await this.issue(ruleId).getByRole('button', { name: /查看原文/ }).click();
    return this.issue(ruleId).locator('.issue-quote');
  }

  /** 定位: jumps to the field of the issue; the drawer closes. */
  async locate(ruleId: string): Promise<void> {
    await this.issue(ruleId).getByRole('button', { name: /定位/ }).click();
    await expect(this.drawer).toBeHidden();
  }
}
