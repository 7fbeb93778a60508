import path from 'node:path';
import { loadPackDir } from '../../../electron/services/packs/loadPack';
import type { Pack } from '../../../shared/pack/pack';

const DIR = path.resolve(__dirname, '../../../resources/guidelines');

/** A built-in pack as shipped (validated by the real loader). */
export function realPack(id: string): Pack {
  return loadPackDir(path.join(DIR, id)).pack;
}
