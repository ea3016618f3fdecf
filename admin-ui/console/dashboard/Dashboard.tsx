import { Alert, Card, CardActionArea, CardContent, Grid, Typography } from '@mui/material';
import { Link, Loading, Title, useTranslate } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { ticketListLink } from '../tickets/queues';
import { OPEN_STATUSES, TICKET_STATUSES } from '../tickets/ticketModel';
import { CountBars, type CountRow } from './CountBars';
import { DecisionsChart } from './DecisionsChart';
import { LoadPerAgent } from './LoadPerAgent';
import { useOverview } from './useOverview';

type Tone = 'error' | 'warning';

const DAY_MS = 86_400_000;

/** A figure; given `to`, the whole tile opens the ticket list with the figure's filter. */
const Figure = ({ label, value, tone, to }: { label: string; value: string | number; tone?: Tone; to?: string }) => {
  const alarming = tone !== undefined && typeof value === 'number' && value > 0;
  const content = (
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography
        variant="h3"
        component="p"
        color={alarming ? (tone === 'error' ? 'error' : 'warning.dark') : 'text.primary'}
        aria-label={label}
      >
        {value}
      </Typography>
    </CardContent>
  );
  return (
    <Card sx={{ height: '100%' }}>
      {to ? (
        <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
          {content}
        </CardActionArea>
      ) : (
        content
      )}
    </Card>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  const text = useCatalogText();
  const { data, error, isPending } = useOverview();

  if (isPending) return <Loading />;
  if (error || !data)
    return <Alert severity="error">{error?.message ? translate(error.message, { _: error.message }) : translate('ra.page.error')}</Alert>;

  const byStatus: CountRow[] = TICKET_STATUSES.filter((status) => (data.byStatus[status] ?? 0) > 0).map((status) => ({
    key: status,
    label: translate(`app.status.${status}`),
    count: data.byStatus[status] ?? 0,
    to: ticketListLink({ status: [status] }),
  }));
  const byKind: CountRow[] = Object.entries(data.byKind)
    .map(([kind, count]) => ({ key: kind, label: text.kind(kind), count, to: ticketListLink({ kind, status: [...OPEN_STATUSES] }) }))
    .sort((a, b) => b.count - a.count);
  const now = new Date();
  const median = data.medianHoursToDecision == null ? '—' : translate('app.dashboard.hours', { hours: data.medianHoursToDecision });

  return (
    <>
      <Title title="app.dashboard.title" />
      <Grid container spacing={2} sx={{ mt: 1 }}>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label={translate('app.dashboard.open')} value={data.open} to={ticketListLink({ status: [...OPEN_STATUSES] })} />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label={translate('app.dashboard.overdue')} value={data.overdue} tone="error" to={ticketListLink({ overdue: true })} />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure
            label={translate('app.dashboard.dueSoon')}
            value={data.dueSoon}
            tone="warning"
            to={ticketListLink({
              status: [...OPEN_STATUSES],
              slaDueAt_gte: now.toISOString(),
              slaDueAt_lt: new Date(now.getTime() + DAY_MS).toISOString(),
            })}
          />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label={translate('app.dashboard.medianToDecision')} value={median} />
        </Grid>
        <Grid size={{ xs: 12, lg: 8 }}>
          <DecisionsChart days={data.decisionsPerDay} />
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <LoadPerAgent load={data.loadPerAgent} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <CountBars title={translate('app.dashboard.byStatus')} rows={byStatus} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <CountBars title={translate('app.dashboard.byKind')} rows={byKind} />
        </Grid>
      </Grid>
    </>
  );
};
