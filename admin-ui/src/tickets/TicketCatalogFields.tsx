import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { LocalDateField } from '../common/LocalDateField';
import type { Ticket } from '../types';

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

/** The SLA due date, in red once the ticket is overdue. */
export const SlaDueField = () => {
  const record = useRecordContext<Ticket>();
  if (!record) return null;
  return (
    <LocalDateField
      source="slaDueAt"
      sx={record.overdue ? { color: 'error.main', fontWeight: 'bold' } : undefined}
    />
  );
};
