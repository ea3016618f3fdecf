import { DateInput, required, TextInput } from 'react-admin';

/** A day the SLA clock skips, and its name. DateInput keeps the value as YYYY-MM-DD, as the API stores it. */
export const HolidayInputs = () => (
  <>
    <DateInput source="day" validate={required()} />
    <TextInput source="name" validate={required()} />
  </>
);

export const toHolidayPayload = ({ day, name }: { day: string; name: string }) => ({ day, name });
