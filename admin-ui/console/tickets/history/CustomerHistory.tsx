import { Alert, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useCatalogText } from '../../catalog/useCatalog';
import { formatDateTime } from '../../common/LocalDateField';
import type { Ticket } from '../../types';
import { StatusChip } from '../TicketChips';
import { useCustomerHistory } from './useCustomerHistory';

/** "This customer's other appeals": same account, same contact phone or same ID number (matched by its hash). */
export const CustomerHistory = () => {
  const record = useRecordContext<Ticket>();
  const translate = useTranslate();
  const text = useCatalogText();
  const [locale] = useLocaleState();
  const { data, error } = useCustomerHistory(record?.id);
  if (!record) return null;
  const title = translate('app.history.title');
  return (
    <Card component="section" aria-label={title}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {error ? <Alert severity="warning">{translate(error.message, { _: error.message })}</Alert> : null}
        {data && data.length === 0 ? <Typography variant="body2">{translate('app.history.empty')}</Typography> : null}
        {data && data.length > 0 ? (
          <Table size="small">
            <TableHead>
              <TableRow>
                {(['reference', 'kind', 'status', 'outcome', 'date', 'matchedBy'] as const).map((column) => (
                  <TableCell key={column}>{translate(`app.history.${column}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Link to={`/tickets/${entry.id}/show`}>{entry.reference}</Link>
                  </TableCell>
                  <TableCell>
                    {text.kind(entry.kind)}
                    {entry.variant ? ` · ${text.variant(entry.kind, entry.variant)}` : ''}
                  </TableCell>
                  <TableCell>
                    <StatusChip status={entry.status} />
                  </TableCell>
                  <TableCell>{entry.decision ? translate(`app.history.decision.${entry.decision}`) : '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.submittedAt, locale)}</TableCell>
                  <TableCell>{entry.matchedBy.map((match) => translate(`app.history.match.${match}`)).join(', ')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
};
