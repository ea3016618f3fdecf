import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { LocalDateField } from '../common/LocalDateField';
import type { Ticket } from '../types';
import { slaUrgency, slaUrgencyColor } from './ticketModel';

export const KindField = () => {
  const record = useRecordContext<Ticket>();
  const text = useCatalogText();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span">
      {text.kind(record.kind)}
      {record.variant ? ` · ${text.variant(record.kind, record.variant)}` : ''}
    </Typography>
  );
};

/** Bold red once overdue, bold amber when due within a day. */
export const slaSx = (ticket: Ticket) => {
  const urgency = slaUrgency(ticket);
  return urgency ? { color: slaUrgencyColor[urgency], fontWeight: 'bold' } : undefined;
};

/** The SLA due date, coloured by how close it is; the colour's meaning is also given as the title. */
export const SlaDueField = () => {
  const record = useRecordContext<Ticket>();
  const translate = useTranslate();
  if (!record) return null;
  const urgency = slaUrgency(record);
  return <LocalDateField source="slaDueAt" sx={slaSx(record)} title={urgency ? translate(`app.sla.${urgency}`) : undefined} />;
};
