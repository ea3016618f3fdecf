import StarIcon from '@mui/icons-material/Star';
import { Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { Account } from '../types';
import { accountStatusColor, formatYuan } from './accountModel';

interface FieldProps {
  source?: string;
  label?: string;
}

export const AccountStatusField = (_props: FieldProps) => {
  const record = useRecordContext<Account>();
  const translate = useTranslate();
  return record ? (
    <Chip
      size="small"
      color={accountStatusColor[record.status] ?? 'default'}
      label={translate(`app.accountStatus.${record.status}`, { _: record.status })}
    />
  ) : null;
};

type CentsSource = 'balanceCents' | 'arrearsCents' | 'advancePaymentCents';

export const YuanField = ({ source }: FieldProps & { source: CentsSource }) => {
  const record = useRecordContext<Account>();
  const [locale] = useLocaleState();
  return record ? (
    <Typography variant="body2" component="span">
      {formatYuan(record[source] ?? 0, locale)}
    </Typography>
  ) : null;
};

/** Every login method as a chip; the registration method is filled and starred. */
export const LoginMethodsField = (_props: FieldProps) => {
  const record = useRecordContext<Account>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
      {(record.loginMethods ?? []).map((method) => {
        const type = translate(`app.loginMethod.${method.type}`, { _: method.type });
        const registration = translate('app.loginMethod.registration');
        return (
          <Chip
            key={`${method.type}-${method.identifier}`}
            size="small"
            color={method.registration ? 'primary' : 'default'}
            variant={method.registration ? 'filled' : 'outlined'}
            icon={method.registration ? <StarIcon /> : undefined}
            title={method.registration ? registration : undefined}
            label={`${type}: ${method.identifier}${method.registration ? ` (${registration})` : ''}`}
          />
        );
      })}
    </Stack>
  );
};

/** The resources the owner may give up rather than delete, each with its expiry where it has one. */
export const AbandonableResourcesField = (_props: FieldProps) => {
  const record = useRecordContext<Account>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!record) return null;
  const resources = record.abandonableResources ?? [];
  if (resources.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
      {resources.map((r, i) => (
        <Chip
          key={`${r.category}-${i}`}
          size="small"
          variant="outlined"
          label={
            r.expiresAt
              ? translate('app.account.expires', { name: r.name, date: new Date(r.expiresAt).toLocaleDateString(locale) })
              : r.name
          }
        />
      ))}
    </Stack>
  );
};

/** Which of the owner's WeChat, QQ or email login protection verifies with (masked), if any. */
export const ProtectionVerifierField = (_props: FieldProps) => {
  const record = useRecordContext<Account>();
  const translate = useTranslate();
  const verifier = record?.protection?.verifier;
  if (!verifier) return <Typography variant="body2">—</Typography>;
  return (
    <Typography variant="body2" component="span">
      {translate(`app.loginMethod.${verifier.type}`, { _: verifier.type })} {verifier.identifier}
    </Typography>
  );
};
