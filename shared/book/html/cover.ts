import type { Cover } from '../ast';
import { escapeHtml } from './escape';

export function coverHtml(cover: Cover): string {
  const rows = cover.fields
    .map((f) => `<tr><td class="cover-label">${escapeHtml(f.label)}</td><td class="cover-value">${escapeHtml(f.value)}</td></tr>`)
    .join('');
  return `<section class="cover"><div class="issuer-top"></div><h1 class="cover-title">${escapeHtml(cover.title)}</h1><table class="cover-fields"><tbody>${rows}</tbody></table><div class="cover-foot"><div>${escapeHtml(cover.issuer)}</div>${cover.date ? `<div>${escapeHtml(cover.date)}</div>` : ''}</div></section>`;
}
