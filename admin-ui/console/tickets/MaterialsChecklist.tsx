import { Card, CardContent, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { useRejectionReasons } from '../rejectionReasons/useRejectionReasons';
import type { MaterialSlot, Severity, Ticket } from '../types';
import { severityIcon } from './review/FindingsList';
import { countBySeverity } from './review/reviewModel';
import { SlotStateChip } from './TicketChips';

interface MaterialsChecklistProps {
  /** The slot shown below the table; rows become buttons that pick it. */
  selectedKey?: string;
  onSelect?: (slotKey: string) => void;
}

const NOTABLE: readonly Severity[] = ['fail', 'warn'];

/** How many checks failed or warned, as icons with counts (the messages are in the slot's detail). */
const FindingCounts = ({ slot }: { slot: MaterialSlot }) => {
  const translate = useTranslate();
  const counts = countBySeverity(slot.findings ?? []);
  return (
    <>
      {NOTABLE.filter((severity) => counts[severity] > 0).map((severity) => {
        const label = translate(`app.review.findingCount.${severity}`, { smart_count: counts[severity] });
        return (
          <Tooltip key={severity} title={label}>
            <Stack component="span" direction="row" alignItems="center" aria-label={label} sx={{ display: 'inline-flex', ml: 0.5 }}>
              {severityIcon[severity]}
              <Typography variant="caption">{counts[severity]}</Typography>
            </Stack>
          </Tooltip>
        );
      })}
    </>
  );
};

/** Every material slot of the ticket: what it is, whether it is required, what the checks and the agent said. */
export const MaterialsChecklist = ({ selectedKey, onSelect }: MaterialsChecklistProps) => {
  const record = useRecordContext<Ticket>();
  const translate = useTranslate();
  const text = useCatalogText();
  const { labelOf } = useRejectionReasons();
  if (!record) return null;
  const slots = record.slots ?? [];
  const column = (key: string) => translate(`app.ticket.${key}`);
  // Slot reasons are the desk's rejection reasons; older tickets may carry a catalog check code instead.
  const reasonText = (code: string) => labelOf(code) ?? text.check(code);

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
              {slots.map((slot) => {
                const label = text.material(record.kind, record.subjectType, slot.key);
                return (
                  <TableRow
                    key={slot.id}
                    data-slot={slot.key}
                    hover={Boolean(onSelect)}
                    selected={slot.key === selectedKey}
                    onClick={onSelect ? () => onSelect(slot.key) : undefined}
                    sx={onSelect ? { cursor: 'pointer' } : undefined}
                  >
                    <TableCell>
                      {onSelect ? (
                        <Link
                          component="button"
                          type="button"
                          underline="hover"
                          color="inherit"
                          aria-pressed={slot.key === selectedKey}
                          onClick={(event) => {
                            event.stopPropagation();
                            onSelect(slot.key);
                          }}
                          sx={{ textAlign: 'left', fontWeight: slot.key === selectedKey ? 'bold' : undefined }}
                        >
                          {label}
                        </Link>
                      ) : (
                        label
                      )}
                    </TableCell>
                    <TableCell>{column(slot.required ? 'required' : 'optional')}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <SlotStateChip state={slot.state} />
                      <FindingCounts slot={slot} />
                    </TableCell>
                    <TableCell>
                      {translate(`app.verdict.${slot.verdict ?? 'pending'}`)}
                      {slot.reasonCode ? ` · ${reasonText(slot.reasonCode)}` : ''}
                    </TableCell>
                    <TableCell align="right">{slot.evidenceCount}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
