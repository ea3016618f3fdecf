import { Grid, Stack } from '@mui/material';
import { Show, type Identifier } from 'react-admin';
import { LiveTicketBar } from '../live/LiveTicketBar';
import { DeclaredFields } from './DeclaredFields';
import { CustomerHistory } from './history/CustomerHistory';
import { DeclaredVsOnFile } from './review/DeclaredVsOnFile';
import { MaterialsReview } from './review/MaterialsReview';
import { ProposalPanel } from './review/ProposalPanel';
import { ReplyComposer } from './review/ReplyComposer';
import { StickyActions } from './review/StickyActions';
import { TicketHeader } from './TicketHeader';
import { TicketTimeline } from './TicketTimeline';

/** The review page: header, the actions in a bar that stays in view, a proposed approval awaiting its second person,
 * the materials beside the account checks, the customer's other appeals, then the conversation.
 * `id` comes from the route; tests and embedding pages may pass it. */
export const TicketShow = ({ id }: { id?: Identifier }) => (
  <Show component="div" id={id}>
    <Stack spacing={2}>
      <TicketHeader />
      <LiveTicketBar />
      <StickyActions />
      <ProposalPanel />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <MaterialsReview />
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            <DeclaredVsOnFile />
            <DeclaredFields />
          </Stack>
        </Grid>
      </Grid>
      <CustomerHistory />
      <ReplyComposer />
      <TicketTimeline />
    </Stack>
  </Show>
);
