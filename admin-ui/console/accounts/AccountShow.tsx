import { Card, CardContent, Grid, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { BooleanField, NumberField, Show, SimpleShowLayout, TextField, useTranslate, type Identifier } from 'react-admin';
import { SubjectTypeField } from '../catalog/SubjectTypeField';
import { LocalDateField } from '../common/LocalDateField';
import { AbandonableResourcesField, AccountStatusField, LoginMethodsField, ProtectionVerifierField, YuanField } from './AccountFields';

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h3">
          {translate(title)}
        </Typography>
        <SimpleShowLayout>{children}</SimpleShowLayout>
      </CardContent>
    </Card>
  );
};

/** `id` comes from the route; tests and embedding pages may pass it. */
export const AccountShow = ({ id }: { id?: Identifier }) => (
  <Show component="div" id={id}>
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="app.account.identity">
          <TextField source="uin" />
          <SubjectTypeField source="subjectType" />
          <TextField source="realName" emptyText="—" />
          <TextField source="companyName" emptyText="—" />
          <TextField source="idNumber" emptyText="—" />
          <TextField source="creditCode" emptyText="—" />
          <TextField source="handlerName" emptyText="—" />
          <LocalDateField source="lastRealNameVerifiedAt" emptyText="—" />
          <LocalDateField source="lastRealNameChangeAt" emptyText="—" />
          <AccountStatusField source="status" />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="app.account.contact">
          <TextField source="securityPhone" emptyText="—" />
          <TextField source="securityEmail" emptyText="—" />
          <LoginMethodsField source="loginMethods" />
          <BooleanField source="mfaBound" />
          <BooleanField source="protection.login" label="app.protection.login" />
          <BooleanField source="protection.operation" label="app.protection.operation" />
          <BooleanField source="protection.remoteLogin" label="app.protection.remoteLogin" />
          <TextField source="protection.mfaType" label="app.protection.mfaType" emptyText="—" />
          <ProtectionVerifierField source="protection.verifier" label="app.protection.verifier" />
        </Section>
      </Grid>
      <Grid size={12}>
        <Section title="app.account.money">
          <YuanField source="balanceCents" />
          <YuanField source="arrearsCents" />
          <YuanField source="advancePaymentCents" />
          <NumberField source="unfinishedOrders" />
          <NumberField source="vouchers" />
          <NumberField source="resourcesInUse" />
          <NumberField source="subUsers" />
          <NumberField source="collaborators" />
          <NumberField source="messageRecipients" />
          <NumberField source="openComplaints" />
          <AbandonableResourcesField source="abandonableResources" />
        </Section>
      </Grid>
    </Grid>
  </Show>
);
