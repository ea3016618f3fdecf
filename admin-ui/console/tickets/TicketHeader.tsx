import type { ReactNode } from 'react';
import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { formatDateTime } from '../common/LocalDateField';
import type { Ticket } from '../types';
import { ContactField } from './ContactField';
import { slaSx } from './TicketCatalogFields';
import { PriorityChip, StatusChip } from './TicketChips';
import { slaUrgency } from './ticketModel';

const Item = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div">
      {children}
    </Typography>
  </Box>
);

export const TicketHeader = () => {
  const record = useRecordContext<Ticket>();
  const translate = useTranslate();
  const text = useCatalogText();
  if (!record) return null;
  const field = (source: string) => translate(`resources.tickets.fields.${source}`);

  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
          <Typography variant="h5" component="h2" sx={{ mr: 1 }}>
            {record.reference}
          </Typography>
          <StatusChip status={record.status} size="medium" />
          <PriorityChip priority={record.priority} size="medium" />
          {record.overdue && <Chip color="error" label={translate('app.ticket.overdue')} />}
          {slaUrgency(record) === 'dueSoon' && <Chip color="warning" label={translate('app.sla.dueSoon')} />}
          {record.slaPausedAt && <Chip variant="outlined" label={translate('app.ticket.slaPaused')} />}
          <Chip
            variant="outlined"
            color={record.complete ? 'success' : 'warning'}
            label={translate(record.complete ? 'app.ticket.complete' : 'app.ticket.incomplete')}
          />
        </Stack>
        <Stack direction="row" spacing={4} sx={{ mt: 2 }} flexWrap="wrap" useFlexGap>
          <Item label={field('kind')}>{text.kind(record.kind)}</Item>
          {record.variant && <Item label={field('variant')}>{text.variant(record.kind, record.variant)}</Item>}
          <Item label={field('subjectType')}>{text.subjectType(record.subjectType)}</Item>
          <Item label={field('slaDueAt')}>
            <Box component="span" sx={slaSx(record)}>
              {formatDateTime(record.slaDueAt, text.locale)}
            </Box>
          </Item>
          <Item label={field('submittedAt')}>{formatDateTime(record.submittedAt, text.locale)}</Item>
          <Item label={field('assigneeId')}>
            {record.assigneeId == null ? (
              translate('app.ticket.unassigned')
            ) : (
              <ReferenceField source="assigneeId" reference="agents" link={false}>
                <TextField source="name" />
              </ReferenceField>
            )}
          </Item>
          <Item label={field('accountId')}>
            {record.accountId == null ? (
              (record.accountUin ?? '—')
            ) : (
              <ReferenceField source="accountId" reference="accounts" link="show">
                <TextField source="uin" />
              </ReferenceField>
            )}
          </Item>
          <Item label={field('contactName')}>
            <ContactField key={record.id} ticket={record} />
          </Item>
        </Stack>
      </CardContent>
    </Card>
  );
};
