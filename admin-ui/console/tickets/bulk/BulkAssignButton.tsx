import { useState } from 'react';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { Button, useTranslate } from 'react-admin';
import { AgentSelect } from '../../agents/AgentSelect';
import { ActionDialog } from '../../common/ActionDialog';
import { useBulkRunner } from './useBulkRunner';

/** A supervisor hands the selected tickets to one agent (or to nobody). */
export const BulkAssignButton = () => {
  const translate = useTranslate();
  const { run, running, count } = useBulkRunner();
  const [open, setOpen] = useState(false);
  const [agentId, setAgentId] = useState<number | null>(null);

  const confirm = async () => {
    if (await run((provider, targets) => provider.bulkAssign(targets, agentId))) setOpen(false);
  };

  return (
    <>
      <Button label="app.bulk.assign" onClick={() => setOpen(true)}>
        <AssignmentIndIcon />
      </Button>
      <ActionDialog
        open={open}
        title={translate('app.bulk.assignTitle', { smart_count: count })}
        confirmLabel={translate('app.bulk.assign')}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
        busy={running}
        maxWidth="xs"
      >
        <AgentSelect label={translate('resources.tickets.fields.assigneeId')} value={agentId} onChange={setAgentId} allowNone />
      </ActionDialog>
    </>
  );
};
