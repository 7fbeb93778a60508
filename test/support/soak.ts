/** `npm run test:soak` sets SHENBAO_SOAK=1: durability tests run their long versions. */
export const SOAK = process.env.SHENBAO_SOAK === '1';

/** The CI count, or the soak count under `npm run test:soak`; the named variable overrides both (local runs). */
export function killCount(ci: number, soak: number, overrideVariable = 'SHENBAO_KILLS'): number {
  const override = Number(process.env[overrideVariable]);
  return Number.isInteger(override) && override > 0 ? override : SOAK ? soak : ci;
}
