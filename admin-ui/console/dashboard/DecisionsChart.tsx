import { Box, Card, CardContent, Stack, Typography, useTheme } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDeskDay } from '../../../server/src/calendar/deskCalendar';
import type { DecisionsOnDay } from '../types';
import { niceMax, stackBars } from './chartModel';

const WIDTH = 720;
const HEIGHT = 220;
const MARGIN = { top: 10, right: 8, bottom: 28, left: 32 };
const PLOT = { width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };

const shortDay = (day: string, locale: string) => formatDeskDay(day, locale, { month: 'numeric', day: 'numeric' });

/** Decisions of the last 30 days, approved and rejected stacked per day, drawn as plain SVG. */
export const DecisionsChart = ({ days }: { days: readonly DecisionsOnDay[] }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const [locale] = useLocaleState();
  const top = niceMax(Math.max(0, ...days.map((day) => day.approved + day.rejected)));
  const groups = stackBars(days, PLOT, top);
  const colours = { approved: theme.palette.success.main, rejected: theme.palette.error.main };
  const title = translate('app.dashboard.decisionsPerDay');
  const labelEvery = Math.max(1, Math.ceil(days.length / 10));

  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" justifyContent="space-between" alignItems="baseline" flexWrap="wrap">
          <Typography variant="h6" component="h2" gutterBottom>
            {title}
          </Typography>
          <Stack direction="row" spacing={2} aria-hidden>
            {(['approved', 'rejected'] as const).map((key) => (
              <Stack key={key} direction="row" spacing={0.5} alignItems="center">
                <Box sx={{ width: 12, height: 12, bgcolor: colours[key], borderRadius: 0.5 }} />
                <Typography variant="caption">{translate(`app.dashboard.${key}`)}</Typography>
              </Stack>
            ))}
          </Stack>
        </Stack>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="list" aria-label={title} style={{ display: 'block' }}>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {[0, 0.5, 1].map((fraction) => {
              const y = PLOT.height - fraction * PLOT.height;
              return (
                <g key={fraction}>
                  <line x1={0} x2={PLOT.width} y1={y} y2={y} stroke={theme.palette.divider} />
                  <text x={-6} y={y} dy="0.32em" textAnchor="end" fontSize={11} fill={theme.palette.text.secondary}>
                    {Math.round(fraction * top * 10) / 10}
                  </text>
                </g>
              );
            })}
            {groups.map((group, index) => {
              const entry = days[index]!;
              const label = translate('app.dashboard.dayTooltip', {
                day: shortDay(group.day, locale),
                approved: entry.approved,
                rejected: entry.rejected,
              });
              return (
                <g key={group.day} data-day={group.day} role="listitem" aria-label={label}>
                  <title>{label}</title>
                  {/* A full-height hit area, so the tooltip shows over empty days too. */}
                  <rect x={group.x} y={0} width={group.width} height={PLOT.height} fill="transparent" />
                  <rect x={group.x} y={group.approved.y} width={group.width} height={group.approved.height} fill={colours.approved} />
                  <rect x={group.x} y={group.rejected.y} width={group.width} height={group.rejected.height} fill={colours.rejected} />
                  {index % labelEvery === 0 && (
                    <text
                      x={group.x + group.width / 2}
                      y={PLOT.height + 16}
                      textAnchor="middle"
                      fontSize={11}
                      fill={theme.palette.text.secondary}
                    >
                      {shortDay(group.day, locale)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        </svg>
      </CardContent>
    </Card>
  );
};
