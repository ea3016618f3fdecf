import { BooleanInput, email, PasswordInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { AGENT_LOCALES, ROLES } from './agentModel';

/** Shared by create and edit: the password is required on create; on edit, a new one replaces the old. */
export const AgentInputs = ({ mode }: { mode: 'create' | 'edit' }) => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="email" type="email" validate={[required(), email()]} />
    <SelectInput source="role" choices={enumChoices(ROLES, 'app.role')} validate={required()} />
    <SelectInput source="locale" choices={enumChoices(AGENT_LOCALES, 'app.language')} validate={required()} />
    {mode === 'edit' && <BooleanInput source="active" />}
    <PasswordInput
      source="password"
      autoComplete="new-password"
      helperText="app.agentSignIn.passwordHint"
      validate={mode === 'create' ? required() : undefined}
    />
  </>
);
