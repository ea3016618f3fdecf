import { Tooltip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../../common/LocalDateField';
import type { Ticket } from '../../types';
import { slaUrgencyColor } from '../ticketModel';
import { slaTimeLeft } from './slaTimeLeft';

/** "2 d 3 h left", "5 h overdue" or "paused", coloured by urgency; the due date itself in the tooltip. */
export const SlaTimeLeftField = () => {
  const record = useRecordContext<Ticket>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const left = slaTimeLeft(record);
  const dueAt = formatDateTime(record.slaDueAt, locale);
  // A closed ticket's clock no longer runs: a dash, the due date it had in the tooltip.
  if (!left) {
    return (
      <Tooltip title={translate('app.triage.sla.dueAt', { date: dueAt })}>
        <Typography variant="body2" component="span" color="text.secondary">
          —
        </Typography>
      </Tooltip>
    );
  }
  if (left.state === 'paused') {
    return (
      <Tooltip title={translate('app.triage.sla.dueAt', { date: dueAt })}>
        <Typography variant="body2" component="span" color="text.secondary">
          {translate('app.triage.sla.paused')}
        </Typography>
      </Tooltip>
    );
  }
  const parts = [
    left.days ? translate('app.triage.sla.days', { smart_count: left.days }) : '',
    left.hours ? translate('app.triage.sla.hours', { smart_count: left.hours }) : '',
    left.minutes ? translate('app.triage.sla.minutes', { smart_count: left.minutes }) : '',
  ].filter(Boolean);
  const time = parts.join(' ') || translate('app.triage.sla.minutes', { smart_count: 1 });
  const meaning = left.urgency ? ` · ${translate(`app.sla.${left.urgency}`)}` : '';
  return (
    <Tooltip title={`${translate('app.triage.sla.dueAt', { date: dueAt })}${meaning}`}>
      <Typography
        variant="body2"
        component="span"
        sx={left.urgency ? { color: slaUrgencyColor[left.urgency], fontWeight: 'bold' } : undefined}
        data-urgency={left.urgency ?? undefined}
      >
        {translate(`app.triage.sla.${left.state}`, { time })}
      </Typography>
    </Tooltip>
  );
};
