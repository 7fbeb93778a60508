/**
 * The section each draft was last left on, kept in this window's storage (a UI preference, not
 * draft content: it never travels with the draft or enters its history).
 */
const KEY = 'shenbao.lastSection.';

export function lastSectionOf(draftId: string): string | null {
  try {
    return window.localStorage.getItem(KEY + draftId);
  } catch {
    return null;
  }
}

export function rememberSection(draftId: string, sectionId: string): void {
  try {
    window.localStorage.setItem(KEY + draftId, sectionId);
  } catch {
    // Storage full or disabled: reopening at the first section is the harmless fallback.
  }
}

const GUIDANCE_KEY = 'shenbao.guidanceOpen';

/** Whether the guideline panel is shown: a collapsed panel stays collapsed across drafts and restarts. */
export function guidancePreference(): boolean {
  try {
    return window.localStorage.getItem(GUIDANCE_KEY) !== 'false';
  } catch {
    return true;
  }
}

export function rememberGuidance(open: boolean): void {
  try {
    window.localStorage.setItem(GUIDANCE_KEY, String(open));
  } catch {
    // Falls back to showing the panel next time.
  }
}
