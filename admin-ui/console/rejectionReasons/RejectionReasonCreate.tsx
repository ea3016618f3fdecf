import { Create, SimpleForm } from 'react-admin';
import { toReasonPayload } from './rejectionReasonModel';
import { RejectionReasonInputs } from './RejectionReasonInputs';

export const RejectionReasonCreate = () => (
  <Create redirect="list" transform={toReasonPayload}>
    <SimpleForm defaultValues={{ scope: 'both', active: true }}>
      <RejectionReasonInputs mode="create" />
    </SimpleForm>
  </Create>
);
