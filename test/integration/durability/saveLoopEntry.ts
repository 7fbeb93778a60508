import v8 from 'node:v8';
import { startSaveLoop } from './saveLoopChild';

// Built into a V8 startup snapshot, the modules (zod schemas above all) are already evaluated when a child starts.
if (v8.startupSnapshot.isBuildingSnapshot()) v8.startupSnapshot.setDeserializeMainFunction(startSaveLoop);
else startSaveLoop();
