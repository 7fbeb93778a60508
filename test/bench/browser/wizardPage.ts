import type { Page } from 'playwright-core';

/** The DOM id of a field's input (the editable element for rich fields): `field-` + the id with dots as dashes. */
export const fieldSelector = (fieldId: string): string => `#field-${fieldId.replace(/\./g, '-')}`;

/**
 * Opens the wizard of a draft and shows the section holding `fieldId`, clicking its entry in the
 * section list when the wizard opens on another section.
 */
export async function showField(page: Page, origin: string, draftId: string, fieldId: string, sectionTitle: string): Promise<void> {
  await page.goto(`${origin}/#/drafts/${draftId}`);
  const field = page.locator(fieldSelector(fieldId));
  try {
    await field.waitFor({ state: 'visible', timeout: 3000 });
  } catch {
    // Section entries read 「6. 项目内容」 followed by their status, after the status icon's own name.
    await page.getByRole('navigation', { name: '申报书章节' }).getByRole('menuitem', { name: new RegExp(`(^|\\s)\\d+\\. ${sectionTitle}`) }).click();
    await field.waitFor({ state: 'visible', timeout: 15_000 });
  }
}
