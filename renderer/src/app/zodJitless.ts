import { config } from 'zod/v4/core';

/**
 * zod 4 probes `new Function` when object schemas are built, to compile fast parsers. The strict
 * CSP (no unsafe-eval) blocks it and Chromium logs a violation, so the renderer uses the
 * interpreted parser. Imported first in main.tsx: the shared schemas are built at import time.
 * Only zod's config is imported here (the one global every zod import shares), so zod itself
 * loads with the pages that parse, not with the home page's first script.
 */
config({ jitless: true });
