import { BooleanInput, DateInput, required, TextInput } from 'react-admin';

/**
 * A day the SLA clock skips, or a weekend day it counts (a make-up working day, 调休), and its name. DateInput keeps
 * the value as YYYY-MM-DD, as the API stores it.
 */
export const HolidayInputs = () => (
  <>
    <DateInput source="day" validate={required()} />
    <TextInput source="name" validate={required()} />
    <BooleanInput source="workday" helperText="resources.holidays.workdayHint" />
  </>
);

export const toHolidayPayload = ({ day, name, workday }: { day: string; name: string; workday?: boolean }) => ({
  day,
  name,
  workday: workday ?? false,
});
