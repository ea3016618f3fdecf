import { Box, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';

export interface CountRow {
  key: string;
  label: string;
  count: number;
  /** The ticket list with this row's filter. */
  to?: string;
}

/** A titled list of counts with proportional bars: enough for a glance, no chart library needed. */
export const CountBars = ({ title, rows }: { title: string; rows: CountRow[] }) => {
  const translate = useTranslate();
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {rows.length === 0 && <Typography variant="body2">{translate('app.dashboard.empty')}</Typography>}
        <Stack spacing={1.5} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={title}>
          {rows.map((row) => (
            <Box component="li" key={row.key} aria-label={`${row.label}: ${row.count}`}>
              <Stack direction="row" justifyContent="space-between">
                <Typography variant="body2">{row.to ? <Link to={row.to}>{row.label}</Link> : row.label}</Typography>
                <Typography variant="body2" fontWeight="bold">
                  {row.count}
                </Typography>
              </Stack>
              <LinearProgress variant="determinate" value={(row.count / max) * 100} aria-hidden />
            </Box>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};
