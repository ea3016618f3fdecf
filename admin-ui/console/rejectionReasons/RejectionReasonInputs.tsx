import { BooleanInput, regex, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { REJECTION_SCOPES } from './rejectionReasonModel';

const CODE_PATTERN = /^[a-z][a-z0-9_]{1,49}$/;

/** The code is fixed once saved: decisions already made point at it. */
export const RejectionReasonInputs = ({ mode }: { mode: 'create' | 'edit' }) => (
  <>
    <TextInput
      source="code"
      validate={[required(), regex(CODE_PATTERN, 'app.rejectionReason.codePattern')]}
      disabled={mode === 'edit'}
      helperText={mode === 'edit' ? 'app.rejectionReason.codeFixed' : 'app.rejectionReason.codeHint'}
    />
    <TextInput source="labelZh" validate={required()} fullWidth />
    <TextInput source="labelEn" validate={required()} fullWidth />
    <SelectInput source="scope" choices={enumChoices(REJECTION_SCOPES, 'app.rejectionReason.scope')} validate={required()} />
    <BooleanInput source="active" />
  </>
);
