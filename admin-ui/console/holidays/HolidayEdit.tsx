import { Edit, SimpleForm } from 'react-admin';
import { HolidayInputs, toHolidayPayload } from './HolidayInputs';

export const HolidayEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toHolidayPayload}>
    <SimpleForm>
      <HolidayInputs />
    </SimpleForm>
  </Edit>
);
