#!/usr/bin/env node
// The `shenbao` command. The CLI is TypeScript run through tsx (a runtime dependency), so there is no
// separate build step: register tsx's ESM loader, then load the entry point next to this file.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../electron/cli/main.ts', import.meta.url).href);
