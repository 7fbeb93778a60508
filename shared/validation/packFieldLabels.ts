import type { Pack } from '../pack/pack';
import { resolveProgram } from '../pack/resolve';
import { sectionLabels } from './fieldLabels';

/** Every label a pack's forms show, over all its programs and document types (for error messages). */
export function packFieldLabels(pack: Pack): [string, string][] {
  const entries: [string, string][] = [];
  for (const program of pack.programs) {
    for (const documentType of program.documentTypes) {
      const resolved = resolveProgram(pack, program.id, documentType);
      if (!resolved) continue;
      entries.push(...sectionLabels(resolved.sections));
      for (const item of resolved.checklist) entries.push([item.id, item.name]);
    }
  }
  return entries;
}
