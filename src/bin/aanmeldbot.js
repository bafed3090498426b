#!/usr/bin/env node
// The sources are TypeScript run through tsx's loader: no build step, so `npm install && npm start` is all.
import { register } from 'tsx/esm/api';
register();
await import('../cli/main.ts');
