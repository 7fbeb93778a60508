/**
 * What checking a draft needs (the pack schema, the rule engine, zod): loaded by the validation
 * slice with import() when a draft opens, so the home page's first script does not carry it.
 */
export { PackSchema } from '../../../shared/pack/pack';
export { resolveProgram } from '../../../shared/pack/resolve';
export { issuesOf, summarize } from '../../../shared/rules/engine';
export { createValidationSession } from '../../../shared/rules/session';
