import {
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import type { Ticket } from '../types';
import { SlotStateChip } from './TicketChips';

/** Every material slot of the ticket: what it is, whether it is required, what the checks and the agent said. */
export const MaterialsChecklist = () => {
  const record = useRecordContext<Ticket>();
  const translate = useTranslate();
  const text = useCatalogText();
  if (!record) return null;
  const slots = record.slots ?? [];
  const column = (key: string) => translate(`app.ticket.${key}`);

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h3" gutterBottom>
          {translate('app.ticket.checklist')}
        </Typography>
        {slots.length === 0 ? (
          <Typography variant="body2">{translate('app.ticket.noSlots')}</Typography>
        ) : (
          <Table size="small" aria-label={translate('app.ticket.checklist')}>
            <TableHead>
              <TableRow>
                <TableCell>{column('material')}</TableCell>
                <TableCell>{column('requirement')}</TableCell>
                <TableCell>{column('state')}</TableCell>
                <TableCell>{column('verdict')}</TableCell>
                <TableCell align="right">{column('evidenceCount')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {slots.map(slot => (
                <TableRow key={slot.id} data-slot={slot.key}>
                  <TableCell>{text.material(record.kind, record.subjectType, slot.key)}</TableCell>
                  <TableCell>{column(slot.required ? 'required' : 'optional')}</TableCell>
                  <TableCell>
                    <SlotStateChip state={slot.state} />
                  </TableCell>
                  <TableCell>
                    {translate(`app.verdict.${slot.verdict ?? 'pending'}`)}
                    {slot.reasonCode ? ` · ${text.check(slot.reasonCode)}` : ''}
                  </TableCell>
                  <TableCell align="right">{slot.evidenceCount}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
