import { setupServer } from 'msw/node';
import { handlers } from './handlers';

/** One msw server per test file; tests add overrides with server.use(...). */
export const server = setupServer(...handlers);
