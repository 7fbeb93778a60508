// Stands in for zod's locales/index.js in the CLI and browser-mode host builds (scripts/build-node.mjs).
// That index re-exports all of zod's languages as `z.locales`, which a bundler must keep whole: about
// half of the bundled zod, compiled at every `shenbao` start. Our messages come from our own
// localeError (shared/validation/zodLocale.ts); zod's English default loads from en.js directly.
export { default as en } from '../node_modules/zod/v4/locales/en.js';
