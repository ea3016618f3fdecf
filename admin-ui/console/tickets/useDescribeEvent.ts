import { useLocaleState, useTranslate } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { useRejectionReasons } from '../rejectionReasons/useRejectionReasons';
import type { Agent, Evidence, Ticket, TicketEvent } from '../types';
import { localize } from '../catalog/catalogText';
import { blockerLabel } from './review/decisionModel';
import { assigneeOf, evidenceIdOf, overriddenBlockers, phraseKeyOf, slotKeysOf, systemReasonKey } from './timelineModel';

/** Names an actor: an agent by name (or number, until the names arrive), otherwise the customer or the system. */
export const useActorName = (agents: Agent[] | undefined) => {
  const translate = useTranslate();
  return (actorType: TicketEvent['actorType'], agentId: number | null): string => {
    if (agentId != null) {
      return agents?.find((agent) => agent.id === agentId)?.name ?? translate('app.timeline.actor.agent', { id: agentId });
    }
    return translate(`app.timeline.actor.${actorType}`);
  };
};

/** Tells an event in words, naming the materials it concerns by their catalog labels and reasons by their text. */
export const useDescribeEvent = (ticket: Ticket, agents: Agent[] | undefined, files: readonly Evidence[]) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const text = useCatalogText();
  const { labelOf } = useRejectionReasons();
  const actorName = useActorName(agents);

  const slotOfFile = (evidenceId: number | undefined): string | undefined => {
    const slotId = files.find((file) => file.id === evidenceId)?.slotId;
    return ticket.slots?.find((slot) => slot.id === slotId)?.key;
  };
  const slotLabels = (event: TicketEvent): string => {
    const keys = slotKeysOf(event);
    const fromFile = keys.length === 0 ? slotOfFile(evidenceIdOf(event)) : undefined;
    const all = fromFile ? [fromFile] : keys;
    if (all.length === 0) return translate('app.timeline.aMaterial');
    return all.map((key) => text.material(ticket.kind, ticket.subjectType, key)).join(translate('app.timeline.listSeparator'));
  };

  const describe = (event: TicketEvent): string => {
    const assignee = assigneeOf(event);
    const args = {
      actor: actorName(event.actorType, event.agentId),
      assignee: assignee == null ? '' : actorName('agent', assignee),
      type: event.type,
      from: event.fromStatus ? translate(`app.status.${event.fromStatus}`) : '—',
      to: event.toStatus ? translate(`app.status.${event.toStatus}`) : '—',
      slot: slotLabels(event),
      other: typeof event.data?.otherReference === 'string' ? event.data.otherReference : '—',
      uin: typeof event.data?.uin === 'string' ? event.data.uin : '—',
    };
    return translate(`app.timeline.events.${phraseKeyOf(event)}`, {
      ...args,
      _: translate('app.timeline.events.other', args),
    });
  };

  /**
   * An event's reason in the agent's language: a rejection code reads as its label, an override names the blockers
   * by their labels, the desk's own reasons are codes; an agent's free text stays as written.
   */
  const reasonOf = (event: TicketEvent): string | null => {
    const reason = event.reason;
    if (!reason) return null;
    const overridden = overriddenBlockers(reason);
    if (overridden) {
      if (overridden.length === 0) return translate('app.timeline.override');
      const labels = overridden.map((code) => localize(blockerLabel(code), locale) ?? code);
      return translate('app.timeline.overrideOf', { blockers: labels.join(translate('app.timeline.listSeparator')) });
    }
    const system = systemReasonKey(reason);
    if (system) return translate(`app.timeline.systemReasons.${system}`);
    return labelOf(reason) ?? reason;
  };

  return { describe, reasonOf, actorName };
};
