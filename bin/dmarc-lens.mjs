#!/usr/bin/env node
// The CLI runs the TypeScript core directly through tsx's loader: no build step between the code and the tool.
import { register } from 'tsx/esm/api';

register();
await import('../cli/run.ts');
