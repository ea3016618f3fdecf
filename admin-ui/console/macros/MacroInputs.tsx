import { BooleanInput, regex, required, SelectArrayInput, TextInput, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { useCatalogText } from '../catalog/useCatalog';

const NAME_PATTERN = /^[a-z0-9_.-]+$/;

/** Shared by create and edit: a machine name, a title and a body in each language, the kinds it fits. */
export const MacroInputs = () => {
  const translate = useTranslate();
  const text = useCatalogText();
  return (
    <>
      <TextInput source="name" validate={[required(), regex(NAME_PATTERN, 'app.macro.namePattern')]} helperText="app.macro.nameHint" />
      <TextInput source="titleZh" validate={required()} fullWidth />
      <TextInput source="titleEn" validate={required()} fullWidth />
      <Typography variant="body2" color="text.secondary">
        {translate('app.macro.placeholders')}
      </Typography>
      <TextInput source="bodyZh" validate={required()} multiline minRows={4} fullWidth />
      <TextInput source="bodyEn" validate={required()} multiline minRows={4} fullWidth />
      <SelectArrayInput source="kinds" choices={text.kindChoices()} translateChoice={false} helperText="app.macro.kindsHint" />
      <BooleanInput source="active" />
    </>
  );
};
