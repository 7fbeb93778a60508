import { writeDocx } from '../../../electron/services/export/docx/index';
import type { Block, Book } from '../../../shared/book/ast';
import { fixtureBooks } from '../../unit/docx/fixtureBooks';
import { all, readDocx } from '../../unit/docx/readDocx';
import { docxByHand, plainBook } from '../docxByHand';
import { registerBench } from '../registry';

const SOURCE = 'chengguan-2020/valid-tech-enterprise.json';

/**
 * The fixture's book grown `k` times: every body paragraph after the TOC and every row of the
 * members / milestones / partners tables repeated. Page counts of the bench books (figures left
 * out), measured once with LibreOffice when this bench was written: k=3 → 20, k=21 → 81,
 * k=46 → 162 pages.
 */
export function scaledBook(book: Book, k: number): Book {
  const tocAt = book.blocks.findIndex((b) => b.type === 'toc');
  const blocks = book.blocks.flatMap((b, i): Block[] => {
    if (i > tocAt && b.type === 'paragraph' && (b.role ?? 'body') === 'body') return Array.from({ length: k }, () => b);
    if (b.type === 'table' && (b.role === 'members' || b.role === 'milestones' || b.role === 'partners')) {
      return [{ ...b, rows: Array.from({ length: k }, () => b.rows).flat() }];
    }
    return [b];
  });
  return { ...book, blocks };
}

/** What must match between the two files: the text, and how many paragraphs, tables, rows and cells. */
async function shape(docx: Buffer): Promise<{ text: string; counts: string; kb: number }> {
  const xml = (await readDocx(docx)).get('word/document.xml') ?? '';
  const count = (tag: string) => xml.split(`<${tag}>`).length + xml.split(`<${tag} `).length - 2;
  return {
    // Whitespace aside: a TOC entry's tab is a <w:tab/> from docx's TableOfContents, a tab character from ours.
    text: all(xml, /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/).join('').replace(/\s/g, ''),
    counts: `${count('w:p')} paragraphs, ${count('w:tbl')} tables, ${count('w:tr')} rows, ${count('w:tc')} cells`,
    kb: Math.round(xml.length / 1024),
  };
}

const SIZES = [
  { pages: 20, k: 3, iterations: 2, repetitions: 7 },
  { pages: 81, k: 21, iterations: 1, repetitions: 5 },
  { pages: 162, k: 46, iterations: 1, repetitions: 5 },
];

let source: Book | null = null;
const sourceBook = (): Book => (source ??= fixtureBooks().find((b) => b.name === SOURCE)!.book);

for (const size of SIZES) {
  registerBench({
    name: `docx: ~${size.pages}-page book vs docx by hand`,
    // Target ≤ 1.3×: the AST walk, roles and fonts may cost at most 30% over packing the same content.
    targetRatio: 1.3,
    iterations: size.iterations,
    repetitions: size.repetitions,
    async setup() {
      // Figures are left out on both sides: the baseline would embed the same bytes the same way.
      const grown = scaledBook(sourceBook(), size.k);
      const book = { ...grown, blocks: grown.blocks.filter((b) => b.type !== 'figure') };
      const plain = plainBook(book);
      const deps = { readAttachment: () => Promise.reject(new Error('no figures in the bench book')) };
      const [ours, byHand] = await Promise.all([writeDocx(book, deps).then(shape), docxByHand(plain).then(shape)]);
      // A baseline that printed less would flatter it: refuse to time two different documents.
      if (ours.text !== byHand.text || ours.counts !== byHand.counts) {
        const what = ours.text === byHand.text ? '' : ', different text';
        throw new Error(`docx bench baseline is not the same document (ours: ${ours.counts}; by hand: ${byHand.counts}${what})`);
      }
      console.log(`  docx ~${size.pages} pages, both: ${ours.counts}; document.xml ours ${ours.kb} KB, by hand ${byHand.kb} KB`);
      // Printing a DOCX is CPU work in this process alone, so CPU time is what is judged: on a shared,
      // loaded machine the wall clock mostly measures the neighbours (wall ranges are still printed).
      const cpuMs = { subject: [] as number[], baseline: [] as number[] };
      let subjectWall = 0;
      const timed = async (side: keyof typeof cpuMs, work: () => Promise<unknown>) => {
        const wall = performance.now();
        const cpu = process.cpuUsage();
        await work();
        const used = process.cpuUsage(cpu);
        cpuMs[side].push((used.user + used.system) / 1000);
        if (side === 'subject') subjectWall += performance.now() - wall;
      };
      const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
      return {
        subject: () => timed('subject', () => writeDocx(book, deps)),
        baseline: () => timed('baseline', () => docxByHand(plain)),
        judged: () => ({ subjectMs: median(cpuMs.subject), baselineMs: median(cpuMs.baseline), basis: 'median CPU time per call' }),
        teardown() {
          const calls = cpuMs.subject.length;
          // Linearity: the per-page cost of the three sizes should be about the same.
          console.log(
            `  docx ~${size.pages} pages: ${(median(cpuMs.subject) / size.pages).toFixed(2)} ms/page CPU, ${(subjectWall / calls / size.pages).toFixed(2)} ms/page wall (${calls} calls)`,
          );
        },
      };
    },
  });
}
