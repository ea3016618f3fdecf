import { Grid, Stack } from '@mui/material';
import { Show, type Identifier } from 'react-admin';
import { DeclaredFields } from './DeclaredFields';
import { MaterialsChecklist } from './MaterialsChecklist';
import { TicketHeader } from './TicketHeader';
import { TicketTimeline } from './TicketTimeline';

/** `id` comes from the route; tests and embedding pages may pass it. */
export const TicketShow = ({ id }: { id?: Identifier }) => (
  <Show component="div" id={id}>
    <Stack spacing={2}>
      <TicketHeader />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 5 }}>
          <DeclaredFields />
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <MaterialsChecklist />
        </Grid>
      </Grid>
      <TicketTimeline />
    </Stack>
  </Show>
);
