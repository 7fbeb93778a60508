import { z } from 'zod';
import { issueMessage } from './issueMessage';

/**
 * Every message zod builds is Chinese: installed as zod's locale the moment any formatter is
 * imported (every parse whose messages reach a user goes through formatIssues.ts, which imports
 * this first). Messages a schema sets itself (all Chinese) still win over the locale.
 */
z.config({ localeError: (issue) => issueMessage(issue) });
