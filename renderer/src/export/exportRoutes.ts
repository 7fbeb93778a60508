/** The export page of a draft and the 检查申报包 page; parsed by the app's hash router. */
export const EXPORT_ROUTE = /^#\/drafts\/([0-9a-fA-F-]{36})\/export$/;
export const VERIFY_HASH = '#/verify';

export function exportHash(draftId: string): string {
  return `#/drafts/${draftId}/export`;
}

export function goToExport(draftId: string): void {
  window.location.hash = exportHash(draftId);
}

export function goToVerify(): void {
  window.location.hash = VERIFY_HASH;
}
