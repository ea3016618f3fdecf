import LockOpenIcon from '@mui/icons-material/LockOpen';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import { useState } from 'react';
import { Button, Confirm, TopToolbar, useAuthProvider, useGetIdentity, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { HelpdeskAuthProvider } from '../authProvider';
import type { AgentWithSignIn } from './agentModel';

type Action = 'unlock' | 'resetTotp';

/** An admin's help with another agent's sign-in: lift a lock, or turn off two-factor sign-in for a lost device. */
export const AgentSignInActions = () => {
  const record = useRecordContext<AgentWithSignIn>();
  const { identity } = useGetIdentity();
  const authProvider = useAuthProvider<HelpdeskAuthProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record) return null;

  const run = async (action: Action) => {
    setBusy(true);
    try {
      await (action === 'unlock' ? authProvider!.unlockAgent(record.id) : authProvider!.resetAgentTotp(record.id));
      notify(action === 'unlock' ? 'app.agentSignIn.unlocked' : 'app.agentSignIn.totpReset', {
        type: 'info',
        messageArgs: { name: record.name },
      });
      refresh();
    } catch (error) {
      notify(String((error as Error).message), { type: 'error' });
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  return (
    <TopToolbar>
      {record.lockedUntil && (
        <Button label="app.agentSignIn.unlock" onClick={() => setAsking('unlock')} disabled={busy}>
          <LockOpenIcon />
        </Button>
      )}
      {record.totpEnabled && record.id !== identity?.id && (
        <Button label="app.agentSignIn.resetTotp" color="error" onClick={() => setAsking('resetTotp')} disabled={busy}>
          <PhonelinkEraseIcon />
        </Button>
      )}
      <Confirm
        isOpen={asking !== null}
        loading={busy}
        title={asking === 'resetTotp' ? 'app.agentSignIn.resetTotpTitle' : 'app.agentSignIn.unlockTitle'}
        content={asking === 'resetTotp' ? 'app.agentSignIn.resetTotpConfirm' : 'app.agentSignIn.unlockConfirm'}
        translateOptions={{ name: record.name }}
        onConfirm={() => asking && void run(asking)}
        onClose={() => setAsking(null)}
      />
    </TopToolbar>
  );
};
