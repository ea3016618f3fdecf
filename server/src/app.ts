import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import { accountRoutes } from './accounts/resource';
import { agentRoutes } from './agents/resource';
import { inspectionRoutes } from './appeals/inspectionRoutes';
import { appealRoutes } from './appeals/routes';
import { requireAgent } from './auth/middleware';
import { authRoutes } from './auth/routes';
import type { AppContext } from './context';
import { eventRoutes } from './events/resource';
import { evidenceRoutes } from './evidence/resource';
import { fileRoutes } from './files/routes';
import { holidayRoutes } from './holidays/resource';
import { createLiveHub } from './live/hub';
import { liveRoutes } from './live/routes';
import { accessLog } from './http/accessLog';
import { errorHandler, notFoundRoute } from './http/errors';
import { fairTurns } from './http/fairTurns';
import { sameOriginWrites } from './http/sameOrigin';
import { staticConsole } from './http/staticConsole';
import { macroRoutes } from './macros/resource';
import { httpMetrics } from './metrics/httpMetrics';
import { metricsRoutes } from './metrics/routes';
import { messageRoutes } from './messages/resource';
import { notificationRoutes } from './notifications/resource';
import { openApiRoute } from './openapi/route';
import { ownerProofRoutes } from './ownerProof/routes';
import { privacyRoutes } from './privacy/customerData';
import { publicRoutes } from './public/routes';
import { rejectionReasonRoutes } from './rejectionReasons/resource';
import { statsRoutes } from './stats/routes';
import { staleTicketAnswer } from './tickets/agentView';
import { ticketRoutes } from './tickets/routes';

export function createApp(ctx: AppContext, options: { serveConsole?: boolean } = {}) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);
  app.set('query parser', 'simple');
  // Answers under /api are never stored (below), so a validator would only cost a hash of every body.
  app.set('etag', false);

  app.use(helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'blob:'] } } }));
  app.use(accessLog(ctx.log, (path) => path === '/api/health'));
  app.use(httpMetrics());
  app.use(metricsRoutes(ctx));
  app.use(
    '/api',
    cors({
      origin: ctx.config.corsOrigins,
      credentials: true,
      exposedHeaders: ['Content-Range'],
      allowedHeaders: ['Content-Type', 'Range', 'Authorization', 'Idempotency-Key'],
    }),
  );
  app.use('/api', express.json({ limit: '200kb' }));
  // Tickets, accounts and evidence are personal data: no browser or proxy cache keeps them. Public routes may relax it.
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  app.get('/api/health', async (_req, res) => {
    const up = await ctx.db.$queryRawUnsafe('SELECT 1').then(
      () => true,
      () => false,
    );
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'unavailable' });
  });
  app.get('/api/openapi.json', openApiRoute());
  app.use('/api/public/appeals', appealRoutes(ctx));
  app.use('/api/public/inspections', inspectionRoutes(ctx));
  app.use('/api/public', ownerProofRoutes(ctx), publicRoutes(), notFoundRoute);
  app.use('/api', sameOriginWrites(ctx.config.corsOrigins));
  app.use('/api/auth', authRoutes(ctx));

  // Agents' requests take turns with the rest (uploads above all), however many arrive at once.
  app.use('/api', fairTurns(8), requireAgent(ctx));
  // Presence, the bell and the live stream; the stream's one poller per process reads the shared database.
  app.use(
    '/api',
    liveRoutes(ctx, createLiveHub(ctx.db, ctx.log, { pollMs: ctx.config.livePollMs, keepAliveMs: ctx.config.liveKeepAliveMs })),
  );
  app.use('/api/tickets', ticketRoutes(ctx));
  app.use('/api/accounts', accountRoutes(ctx));
  app.use('/api/agents', agentRoutes(ctx));
  app.use('/api/evidence', evidenceRoutes(ctx));
  app.use('/api/events', eventRoutes(ctx));
  app.use('/api/messages', messageRoutes(ctx));
  app.use('/api/macros', macroRoutes(ctx));
  app.use('/api/notifications', notificationRoutes(ctx));
  app.use('/api/holidays', holidayRoutes(ctx));
  app.use('/api/rejection-reasons', rejectionReasonRoutes(ctx));
  app.use('/api/files', fileRoutes(ctx));
  app.use('/api/stats', statsRoutes(ctx));
  app.use('/api/privacy', privacyRoutes(ctx));
  app.use('/api', notFoundRoute);

  if (options.serveConsole) app.use(staticConsole());
  app.use(notFoundRoute);
  app.use(staleTicketAnswer(ctx.db));
  app.use(errorHandler(ctx.log));
  return app;
}
