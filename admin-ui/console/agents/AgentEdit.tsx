import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { AgentInputs } from './AgentInputs';
import { AgentSignInActions } from './AgentSignInActions';
import { toAgentPayload } from './agentModel';

// Agents are deactivated, not deleted: their names stay on the tickets and events they touched.
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const AgentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toAgentPayload} actions={<AgentSignInActions />}>
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <AgentInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
