/** The services read the shared definition (shared/rules/otherDrafts), as the wizard does. */
export { otherDraftsFrom, type PackYearLookup } from '../../../shared/rules/otherDrafts';
