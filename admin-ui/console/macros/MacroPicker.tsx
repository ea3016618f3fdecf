import { useState } from 'react';
import { ListSubheader, MenuItem, TextField } from '@mui/material';
import { useDataProvider, useGetList, useLocaleState, useNotify, useTranslate, type Identifier } from 'react-admin';
import { retryUnlessRefused } from '../common/retryPolicy';
import type { HelpdeskDataProvider } from '../dataProvider';
import type { Macro, Ticket } from '../types';
import { arrangeMacros, type MacroAction } from './macroFit';
import { macroFitsKind, macroTitle } from './macroModel';

interface MacroPickerProps {
  ticket: Pick<Ticket, 'id' | 'kind' | 'slots'>;
  /** What the text is for: only macros that suit it are offered, those answering the ticket's findings first. */
  action: MacroAction;
  /** Receives the macro's text with the ticket's placeholders filled, in the customer's language. */
  onText: (body: string) => void;
}

/** Picks a canned reply for this ticket's kind and the action at hand; the server fills in the placeholders. */
export const MacroPicker = ({ ticket, action, onText }: MacroPickerProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  const [chosen, setChosen] = useState<Identifier | ''>('');
  const { data: macros = [] } = useGetList<Macro>(
    'macros',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' }, filter: { active: true } },
    { retry: retryUnlessRefused, staleTime: 60_000 },
  );
  const { suggested, others } = arrangeMacros(
    macros.filter((macro) => macroFitsKind(macro, ticket.kind)),
    ticket,
    action,
  );
  const item = (macro: Macro) => (
    <MenuItem key={macro.id} value={String(macro.id)}>
      {macroTitle(macro, locale)}
    </MenuItem>
  );

  const pick = async (id: string) => {
    setChosen(id);
    if (!id) return;
    try {
      onText((await dataProvider.renderMacro(id, ticket.id)).body);
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
    }
  };

  return (
    <TextField
      select
      size="small"
      label={translate('app.macro.pick')}
      value={chosen === '' ? '' : String(chosen)}
      onChange={(event) => pick(event.target.value)}
      helperText={translate('app.macro.hint')}
      disabled={suggested.length + others.length === 0}
    >
      {suggested.length > 0 && <ListSubheader>{translate('app.macro.suggested')}</ListSubheader>}
      {suggested.map(item)}
      {suggested.length > 0 && others.length > 0 && <ListSubheader>{translate('app.macro.others')}</ListSubheader>}
      {others.map(item)}
    </TextField>
  );
};
