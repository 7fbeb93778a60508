import { expect, type Locator, type Page } from '@playwright/test';
import { expectSettled } from './settled';

/** 审阅与定稿 (`#/drafts/<id>/review`): the one-page summary and 定稿 / 解锁. */
export class ReviewPage {
  readonly root: Locator;
  readonly finalizeButton: Locator;
  readonly unlockButton: Locator;
  readonly finalizeReason: Locator;
  readonly finalBanner: Locator;
  readonly eligibility: Locator;
  readonly budget: Locator;
  readonly schedule: Locator;
  readonly checklist: Locator;
  readonly declarations: Locator;
  readonly backButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('review-page');
    this.finalizeButton = page.getByTestId('finalize-button');
    this.unlockButton = page.getByTestId('unlock-button');
    this.finalizeReason = page.getByTestId('finalize-reason');
    this.finalBanner = page.getByTestId('finalize-bar').filter({ hasText: '已定稿' });
    this.eligibility = page.getByTestId('review-eligibility');
    this.budget = page.getByTestId('review-budget');
    this.schedule = page.getByTestId('review-schedule');
    this.checklist = page.getByTestId('review-checklist');
    this.declarations = page.getByTestId('review-declarations');
    this.backButton = page.getByRole('button', { name: '返回填写' });
  }

  /** From the wizard: its 审阅与定稿 button. */
  async openFromWizard(): Promise<void> {
    await this.page.getByRole('button', { name: '审阅与定稿' }).first().click();
    await expect(this.page).toHaveURL(/#\/drafts\/[0-9a-f-]{36}\/review$/);
    await expect(this.root).toBeVisible();
  }

  /** 定稿 asks first, listing the open warnings; the confirmation is accepted here. */
  async finalize(): Promise<void> {
    await this.finalizeButton.click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: '定稿这份申报书？' });
    await expectSettled(dialog);
    await dialog.getByRole('button', { name: '定稿' }).click();
    await expect(this.page.locator('.ant-message-notice').last()).toHaveText('已定稿');
    await expect(this.finalBanner).toBeVisible();
  }

  /** 解锁 asks for a confirmation first. */
  async unlock(): Promise<void> {
    await this.unlockButton.click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: '解锁这份申报书？' });
    await expectSettled(dialog);
    await dialog.getByRole('button', { name: /解\s*锁/ }).click();
    await expect(this.finalizeButton).toBeVisible();
  }

  async backToWizard(): Promise<void> {
    await this.backButton.click();
    await expect(this.page).toHaveURL(/#\/drafts\/[0-9a-f-]{36}$/);
  }
}
