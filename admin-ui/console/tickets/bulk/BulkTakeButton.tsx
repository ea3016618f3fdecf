import PanToolIcon from '@mui/icons-material/PanTool';
import { Button, useGetIdentity } from 'react-admin';
import { useBulkRunner } from './useBulkRunner';

/** Takes the selected tickets for oneself; the server refuses those that someone else holds. */
export const BulkTakeButton = () => {
  const { identity } = useGetIdentity();
  const { run, running } = useBulkRunner();
  return (
    <Button
      label="app.bulk.take"
      disabled={!identity || running}
      onClick={() => identity && run((provider, targets) => provider.bulkAssign(targets, Number(identity.id)))}
    >
      <PanToolIcon />
    </Button>
  );
};
