import { Alert, Card, CardContent, Grid, Typography } from '@mui/material';
import { Loading, Title, useTranslate } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { TICKET_STATUSES } from '../tickets/ticketModel';
import { CountBars, type CountRow } from './CountBars';
import { useOverview } from './useOverview';

const Figure = ({ label, value, alert = false }: { label: string; value: number; alert?: boolean }) => (
  <Card sx={{ height: '100%' }}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h3" component="p" color={alert && value > 0 ? 'error' : 'text.primary'} aria-label={label}>
        {value}
      </Typography>
    </CardContent>
  </Card>
);

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

  return (
    <>
      <Title title="app.dashboard.title" />
      <Grid container spacing={2} sx={{ mt: 1 }}>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label={translate('app.dashboard.open')} value={data.open} />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label={translate('app.dashboard.overdue')} value={data.overdue} alert />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }} />
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
