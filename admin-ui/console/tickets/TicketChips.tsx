import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Priority, SlotState, Ticket, TicketStatus } from '../types';
import { priorityColor, slotStateColor, statusColor } from './ticketModel';

type Size = ChipProps['size'];

export const StatusChip = ({ status, size = 'small' }: { status: TicketStatus; size?: Size }) => {
  const translate = useTranslate();
  return <Chip size={size} color={statusColor[status] ?? 'default'} label={translate(`app.status.${status}`, { _: status })} />;
};

export const PriorityChip = ({ priority, size = 'small' }: { priority: Priority; size?: Size }) => {
  const translate = useTranslate();
  return (
    <Chip
      size={size}
      variant="outlined"
      color={priorityColor[priority] ?? 'default'}
      label={translate(`app.priority.${priority}`, { _: priority })}
    />
  );
};

export const SlotStateChip = ({ state }: { state: SlotState }) => {
  const translate = useTranslate();
  return <Chip size="small" color={slotStateColor[state] ?? 'default'} label={translate(`app.slotState.${state}`, { _: state })} />;
};

/** Record-bound variants for list columns. */
export const StatusField = () => {
  const record = useRecordContext<Ticket>();
  return record ? <StatusChip status={record.status} /> : null;
};

export const PriorityField = () => {
  const record = useRecordContext<Ticket>();
  return record ? <PriorityChip priority={record.priority} /> : null;
};
