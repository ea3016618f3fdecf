import { Create, SimpleForm } from 'react-admin';
import { HolidayInputs, toHolidayPayload } from './HolidayInputs';

export const HolidayCreate = () => (
  <Create redirect="list" transform={toHolidayPayload}>
    <SimpleForm>
      <HolidayInputs />
    </SimpleForm>
  </Create>
);
