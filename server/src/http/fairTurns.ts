import type { RequestHandler } from 'express';

/**
 * At most `perTurn` of these requests start in one turn of the event loop; the others wait, in order, for the
 * next turns. An agent's read runs start to finish in one callback, so a hundred agents with no pause would
 * otherwise fill every turn, and an appeal's upload, which needs a turn for each chunk it reads, would wait
 * behind all of them each time.
 */
export function fairTurns(perTurn: number): RequestHandler {
  let started = 0;
  let turnScheduled = false;
  const waiting: (() => void)[] = [];

  const nextTurn = () => {
    started = 0;
    turnScheduled = false;
    while (waiting.length && started < perTurn) {
      started += 1;
      waiting.shift()!();
    }
    if (waiting.length) schedule();
  };
  const schedule = () => {
    if (turnScheduled) return;
    turnScheduled = true;
    setImmediate(nextTurn);
  };

  return (_req, _res, next) => {
    schedule();
    if (waiting.length === 0 && started < perTurn) {
      started += 1;
      return next();
    }
    waiting.push(() => next());
  };
}
