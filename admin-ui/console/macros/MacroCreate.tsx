import { Create, SimpleForm } from 'react-admin';
import { MacroInputs } from './MacroInputs';
import { toMacroPayload } from './macroModel';

export const MacroCreate = () => (
  <Create redirect="list" transform={toMacroPayload}>
    <SimpleForm defaultValues={{ kinds: [], active: true }}>
      <MacroInputs />
    </SimpleForm>
  </Create>
);
