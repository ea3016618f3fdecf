#!/usr/bin/env node
// `npm run build`: the console and the form (with their size budgets) and the compiled server, each noted with the
// digest of its sources so that `npm start` beside this dist/ runs it as it is.
import { ensureBuilt } from './built.mjs';

ensureBuilt({ always: true });
