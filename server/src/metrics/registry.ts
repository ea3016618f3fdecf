import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's metrics, in one registry: Prometheus scrapes each process and sums them, so counters live as long as
 * the process. Labels never carry personal data or a raw URL: routes are Express's patterns (`/api/tickets/:id`).
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'helpdesk_' });

export const httpRequests = new Counter({
  name: 'helpdesk_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'helpdesk_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method and route pattern',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const appealsReceived = new Counter({
  name: 'helpdesk_appeals_received_total',
  help: 'Appeals filed through the public form, by ticket kind (a replayed filing is not counted again)',
  labelNames: ['kind'] as const,
  registers: [registry],
});

export const inspectionsFailed = new Counter({
  name: 'helpdesk_inspections_failed_total',
  help: 'Files whose inspection failed, by the first failing check or refusal code',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const outboxSendFailures = new Counter({
  name: 'helpdesk_outbox_send_failures_total',
  help: 'Attempts to send an email or SMS that failed, by channel and whether it was the last try',
  labelNames: ['channel', 'final'] as const,
  registers: [registry],
});

// Read from the shared database when scraped: the same figure from every process.
export const outboxBacklog = new Gauge({
  name: 'helpdesk_outbox_backlog',
  help: 'Notifications waiting to be sent or being sent',
  labelNames: ['channel'] as const,
  registers: [registry],
});
export const outboxFailed = new Gauge({
  name: 'helpdesk_outbox_failed',
  help: 'Notifications that failed for good',
  labelNames: ['channel'] as const,
  registers: [registry],
});
export const slaBreaches = new Gauge({
  name: 'helpdesk_sla_breaches',
  help: 'Open tickets past their SLA due time (not paused)',
  registers: [registry],
});
