import type { Book } from '../../../../shared/book/ast';
import { BINDING_KEYS, bindingOf, type DocumentBinding } from './documentBinding';

/** docx's custom properties for the binding (docProps/custom.xml). */
export function bindingProperties(binding: DocumentBinding): { name: string; value: string }[] {
  return [
    { name: BINDING_KEYS.draftSha256, value: binding.draftSha256 },
    { name: BINDING_KEYS.facts, value: JSON.stringify(binding.facts) },
  ];
}

const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name] ?? m;
  });

/** A custom property's text from docProps/custom.xml, or null. */
function property(xml: string, name: string): string | null {
  const m = new RegExp(`<property[^>]*\\bname="${name}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(xml);
  return m ? unescapeXml(m[1]!) : null;
}

export function readDocxBinding(customXml: string | null): DocumentBinding | null {
  if (customXml === null) return null;
  return bindingOf({ draftSha256: property(customXml, BINDING_KEYS.draftSha256), facts: property(customXml, BINDING_KEYS.facts) });
}

/** The binding a book's documents carry. */
export function bindingOfBook(book: Book, draftSha256: string): DocumentBinding {
  return { draftSha256, facts: book.meta.facts };
}
