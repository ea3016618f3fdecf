import { Edit, SimpleForm } from 'react-admin';
import { MacroInputs } from './MacroInputs';
import { toMacroPayload } from './macroModel';

export const MacroEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toMacroPayload}>
    <SimpleForm>
      <MacroInputs />
    </SimpleForm>
  </Edit>
);
