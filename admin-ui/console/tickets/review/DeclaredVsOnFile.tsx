import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HighlightOffIcon from '@mui/icons-material/HighlightOff';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutline';
import type { ReactElement } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { localize } from '../../catalog/catalogText';
import { useCatalogText } from '../../catalog/useCatalog';
import type { ComparisonResult, Ticket } from '../../types';
import { OwnerSignals } from './OwnerSignals';
import { useTicketReview } from './useTicketReview';
import { visuallyHidden } from '../../common/visuallyHidden';

const resultIcon: Record<ComparisonResult, ReactElement> = {
  match: <CheckCircleIcon color="success" fontSize="small" />,
  mismatch: <HighlightOffIcon color="error" fontSize="small" />,
  not_on_file: <RemoveCircleOutlineIcon color="disabled" fontSize="small" />,
  not_declared: <RemoveCircleOutlineIcon color="disabled" fontSize="small" />,
};

/**
 * What the customer declared beside what the account record holds, whether the account meets the kind's conditions,
 * and what the account's owner said (a verified code, or an objection).
 */
export const DeclaredVsOnFile = () => {
  const ticket = useRecordContext<Ticket>();
  const translate = useTranslate();
  const { locale } = useCatalogText();
  const { data: review, error } = useTicketReview(ticket?.id);
  if (!ticket) return null;

  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
          <Typography variant="h6" component="h3">
            {translate('app.review.comparison')}
          </Typography>
          {review && review.summary.mismatches > 0 && (
            <Chip size="small" color="error" label={translate('app.review.mismatches', { smart_count: review.summary.mismatches })} />
          )}
        </Stack>
        <OwnerSignals ticket={ticket} review={review} />
        {error && <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>}
        {review && !review.account && <Alert severity="warning">{translate('app.review.noAccount')}</Alert>}
        {review && review.comparison.length > 0 && (
          <Table
            size="small"
            aria-label={translate('app.review.comparison')}
            sx={{ '& th, & td': { px: 0.75 }, '& td': { fontSize: '0.8125rem', whiteSpace: 'nowrap' } }}
          >
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.review.field')}</TableCell>
                <TableCell>{translate('app.review.declared')}</TableCell>
                <TableCell>{translate('app.review.onFile')}</TableCell>
                <TableCell padding="none">
                  <Box component="span" sx={visuallyHidden}>
                    {translate('app.review.result')}
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {review.comparison.map((row) => {
                const result = translate(`app.review.results.${row.result}`);
                const mismatch = row.result === 'mismatch';
                return (
                  <TableRow key={row.field} data-result={row.result}>
                    <TableCell component="th" scope="row" sx={{ color: 'text.secondary', minWidth: 64 }}>
                      {localize(row.label, locale) ?? row.field}
                    </TableCell>
                    <TableCell>{row.declared ?? '—'}</TableCell>
                    <TableCell sx={mismatch ? { color: 'error.main', fontWeight: 'bold' } : undefined}>{row.onFile ?? '—'}</TableCell>
                    <TableCell padding="none" align="center">
                      {/* describeChild: the hidden text below names the cell; a label on a bare span is not allowed. */}
                      <Tooltip title={result} describeChild>
                        <Box component="span" sx={{ display: 'inline-flex', verticalAlign: 'middle' }}>
                          {resultIcon[row.result]}
                        </Box>
                      </Tooltip>
                      <Box component="span" sx={visuallyHidden}>
                        {result}
                      </Box>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {review && review.preconditions.length > 0 && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="subtitle2" component="h4">
              {translate('app.review.preconditions')}
            </Typography>
            <List dense disablePadding aria-label={translate('app.review.preconditions')}>
              {review.preconditions.map((precondition) => (
                <ListItem key={precondition.code} disableGutters data-ok={precondition.ok}>
                  <ListItemIcon
                    sx={{ minWidth: 32 }}
                    role="img"
                    aria-label={translate(precondition.ok ? 'app.review.ok' : 'app.review.failed')}
                  >
                    {precondition.ok ? (
                      <CheckCircleIcon color="success" fontSize="small" />
                    ) : (
                      <HighlightOffIcon color="error" fontSize="small" />
                    )}
                  </ListItemIcon>
                  <ListItemText
                    primary={localize(precondition.label, locale) ?? precondition.code}
                    secondary={precondition.detail ? localize(precondition.detail, locale) : undefined}
                  />
                </ListItem>
              ))}
            </List>
          </Box>
        )}
        {review?.phoneHolders && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="subtitle2" component="h4" id="phone-holders-heading">
              {translate('app.review.phoneHolders', { smart_count: review.phoneHolders.length })}
            </Typography>
            {review.phoneHolders.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('app.review.noPhoneHolders')}
              </Typography>
            ) : (
              <Table size="small" aria-labelledby="phone-holders-heading" sx={{ '& th, & td': { px: 0.75, fontSize: '0.8125rem' } }}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.review.holderRole')}</TableCell>
                    <TableCell>{translate('app.review.holderAccount')}</TableCell>
                    <TableCell>{translate('app.review.holderName')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {review.phoneHolders.map((h, i) => (
                    <TableRow key={`${h.role}-${h.uin}-${i}`} data-role={h.role}>
                      <TableCell>{translate(`app.review.holderRoles.${h.role}`)}</TableCell>
                      <TableCell>
                        {h.uin}
                        {h.status !== 'active' && ` (${translate(`app.review.accountStatus.${h.status}`, { _: h.status })})`}
                      </TableCell>
                      <TableCell>{h.name ?? '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
