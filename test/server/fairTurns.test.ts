import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { fairTurns } from '../../server/src/http/fairTurns';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('fairTurns', () => {
  it('starts at most its share of requests a turn, in the order they came, and lets other work run between', async () => {
    const middleware = fairTurns(2);
    // Other work that needs a turn of its own each time, as an upload reading its next chunk does; it counts turns.
    let turns = 0;
    let stop = false;
    const other = () => {
      if (stop) return;
      turns += 1;
      setImmediate(other);
    };
    setImmediate(other);

    const started: { request: number; turnsBefore: number }[] = [];
    for (let request = 0; request < 7; request++) {
      middleware({} as Request, {} as Response, () => started.push({ request, turnsBefore: turns }));
    }
    for (let i = 0; i < 6; i++) await nextTurn();
    stop = true;

    expect(started.map((s) => s.request)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Two at once, then two a turn, with the other work's turn before each pair.
    expect(started.map((s) => s.turnsBefore)).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });

  it('lets a request through at once when the turn has room', async () => {
    const middleware = fairTurns(8);
    for (let round = 0; round < 3; round++) {
      let passed = false;
      middleware({} as Request, {} as Response, () => (passed = true));
      expect(passed).toBe(true);
      await nextTurn();
    }
  });
});
