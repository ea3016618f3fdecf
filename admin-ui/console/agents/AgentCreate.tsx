import { Create, SimpleForm } from 'react-admin';
import { AgentInputs } from './AgentInputs';
import { toAgentPayload } from './agentModel';

export const AgentCreate = () => (
  <Create redirect="list" transform={toAgentPayload}>
    <SimpleForm defaultValues={{ role: 'agent', locale: 'zh-CN' }}>
      <AgentInputs mode="create" />
    </SimpleForm>
  </Create>
);
