import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useCatalogText } from './useCatalog';

/** A record's subject type, labelled by the catalog (tickets and accounts share it). */
export const SubjectTypeField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<{ subjectType: string }>();
  const text = useCatalogText();
  return record ? (
    <Typography variant="body2" component="span">
      {text.subjectType(record.subjectType)}
    </Typography>
  ) : null;
};
