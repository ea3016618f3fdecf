import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { toReasonPayload } from './rejectionReasonModel';
import { RejectionReasonInputs } from './RejectionReasonInputs';

// Reasons are switched off, not deleted: past decisions keep pointing at them.
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const RejectionReasonEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toReasonPayload}>
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <RejectionReasonInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
