import { z } from 'zod';

/**
 * zod 4 probes `new Function` when object schemas are built, to compile fast parsers. The strict
 * CSP (no unsafe-eval) blocks it and Chromium logs a violation, so the renderer uses the
 * interpreted parser. Imported first in main.tsx: the shared schemas are built at import time.
 */
z.config({ jitless: true });
