import { Alert, Card, CardContent, Grid, Typography } from '@mui/material';
import { Loading, Title, useTranslate } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { TICKET_STATUSES } from '../tickets/ticketModel';
import { CountBars, type CountRow } from './CountBars';
import { DecisionsChart } from './DecisionsChart';
import { LoadPerAgent } from './LoadPerAgent';
import { useOverview } from './useOverview';

type Tone = 'error' | 'warning';

const Figure = ({ label, value, tone }: { label: string; value: string | number; tone?: Tone }) => {
  const alarming = tone !== undefined && typeof value === 'number' && value > 0;
  return (
    <Card sx={{ height: '100%' }}>
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
    </Card>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  const text = useCatalogText();
  const { data, error, isPending } = useOverview();

  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">{error?.message ?? translate('ra.page.error')}</Alert>;

  const byStatus: CountRow[] = TICKET_STATUSES.filter(status => (data.byStatus[status] ?? 0) > 0).map(status => ({
    key: status,
    label: translate(`app.status.${status}`),
    count: data.byStatus[status] ?? 0,
  }));
  const byKind: CountRow[] = Object.entries(data.byKind)
    .map(([kind, count]) => ({ key: kind, label: text.kind(kind), count }))
    .sort((a, b) => b.count - a.count);
  const median =
    data.medianHoursToDecision == null ? '—' : translate('app.dashboard.hours', { hours: data.medianHoursToDecision });

  return (
    <>
      <Title title="app.dashboard.title" />
      <Grid container spacing={2} sx={{ mt: 1 }}>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label={translate('app.dashboard.open')} value={data.open} />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label={translate('app.dashboard.overdue')} value={data.overdue} tone="error" />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label={translate('app.dashboard.dueSoon')} value={data.dueSoon} tone="warning" />
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
