import { Box, Card, CardContent, Chip, Grid, Link, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useCatalogText } from '../../catalog/useCatalog';
import { formatDateTime } from '../../common/LocalDateField';
import { useFileUrls } from '../../dataProvider';
import type { Evidence, MaterialSlot, Ticket } from '../../types';
import { SlotStateChip } from '../TicketChips';
import { canJudgeFiles } from '../ticketModel';
import { EvidenceFile } from './EvidenceFile';
import { EvidenceVerdict } from './EvidenceVerdict';
import { FindingsList } from './FindingsList';

interface SlotDetailProps {
  ticket: Ticket;
  slot: MaterialSlot;
  files: readonly Evidence[];
}

/** One material slot under review: its current file, what the checks found, the verdict, and earlier files. */
export const SlotDetail = ({ ticket, slot, files }: SlotDetailProps) => {
  const translate = useTranslate();
  const text = useCatalogText();
  const fileUrls = useFileUrls();
  const label = text.material(ticket.kind, ticket.subjectType, slot.key);
  const current = files.find((file) => file.id === slot.evidenceId);
  const earlier = files.filter((file) => file.slotId === slot.id && file.id !== slot.evidenceId);

  return (
    <Card component="section" aria-label={label} data-slot-detail={slot.key}>
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mb: 2 }}>
          <Typography variant="h6" component="h3">
            {label}
          </Typography>
          <SlotStateChip state={slot.state} />
          <Chip size="small" variant="outlined" label={translate(slot.required ? 'app.ticket.required' : 'app.ticket.optional')} />
          {slot.requestedAt && (
            <Chip
              size="small"
              color="warning"
              variant="outlined"
              label={translate('app.review.requestedAt', { at: formatDateTime(slot.requestedAt, text.locale) })}
            />
          )}
        </Stack>
        {slot.evidenceId == null ? (
          <Typography variant="body2">{translate('app.review.noFile')}</Typography>
        ) : (
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, lg: 7 }}>{current && <EvidenceFile key={current.id} evidence={current} alt={label} />}</Grid>
            <Grid size={{ xs: 12, lg: 5 }}>
              <Stack spacing={2}>
                <Box>
                  <Typography variant="subtitle2" component="h4">
                    {translate('app.review.findings')}
                  </Typography>
                  <FindingsList findings={slot.findings ?? []} label={translate('app.review.findingsOf', { material: label })} />
                </Box>
                {current && <EvidenceVerdict evidence={current} version={ticket.version} disabled={!canJudgeFiles(ticket.status)} />}
                {earlier.length > 0 && (
                  <Box>
                    <Typography variant="subtitle2" component="h4">
                      {translate('app.review.earlierFiles')}
                    </Typography>
                    {earlier.map((file) => (
                      <Typography key={file.id} variant="body2">
                        <Link href={fileUrls(file.id).original} download={file.originalName}>
                          {file.originalName}
                        </Link>{' '}
                        · {formatDateTime(file.createdAt, text.locale)} · {translate(`app.verdict.${file.verdict ?? 'pending'}`)}
                      </Typography>
                    ))}
                  </Box>
                )}
              </Stack>
            </Grid>
          </Grid>
        )}
      </CardContent>
    </Card>
  );
};
