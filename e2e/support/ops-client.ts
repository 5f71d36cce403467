// A test-setup client for the harness's operations socket: the same contract
// the renderer uses, called from the spec's Node process to seed data quickly
// (hundreds of payments, funders, plans) before the screens are driven.
import WebSocket from 'ws';
import type {
  OperationArgs,
  OperationName,
  OperationResults,
} from '../../shared/contract/operations.ts';
import type { OpResult } from '../../shared/contract/result.ts';

export interface OpsClient {
  /** Calls an operation; throws with the main process's message when it refuses. */
  call<N extends OperationName>(name: N, args: OperationArgs<N>): Promise<OperationResults[N]>;
  /** Calls an operation and returns its result as it is (refusals included). */
  ask<N extends OperationName>(
    name: N,
    args: OperationArgs<N>,
  ): Promise<OpResult<OperationResults[N]>>;
  close(): void;
}

/** Connects with the token in the harness URL's fragment, from the harness's own origin. */
export async function connectOps(harnessUrl: string): Promise<OpsClient> {
  const url = new URL(harnessUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const socket = new WebSocket(`ws://${url.host}/ops?token=${encodeURIComponent(token)}`, {
    origin: url.origin,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (result: OpResult<unknown>) => void>();
  socket.on('message', (data) => {
    const answer = JSON.parse(String(data)) as { id: number; result: OpResult<unknown> };
    waiting.get(answer.id)?.(answer.result);
    waiting.delete(answer.id);
  });
  const ask = <N extends OperationName>(name: N, args: OperationArgs<N>) =>
    new Promise<OpResult<OperationResults[N]>>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve as (result: OpResult<unknown>) => void);
      socket.send(JSON.stringify({ id, name, args }));
    });
  return {
    ask,
    async call(name, args) {
      const result = await ask(name, args);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value;
    },
    close: () => socket.close(),
  };
}
