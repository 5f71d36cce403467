// A tiny HTTP server on 127.0.0.1 that is not CouchDB: it answers every
// request with whatever the test asks for (garbage, HTML, an error page, or
// nothing at all), to check what sync says about such servers.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAnswer {
  status: number;
  body: string;
  contentType?: string;
}

export interface FakeHttpServer {
  readonly url: string;
  /** `undefined` means: accept the request and never answer. */
  answer: FakeAnswer | undefined;
  readonly requestCount: number;
  close(): Promise<void>;
}

export async function startFakeHttpServer(answer: FakeAnswer | undefined): Promise<FakeHttpServer> {
  const hanging = new Set<ServerResponse>();
  let requestCount = 0;
  const state = { answer };
  const server = createServer((_req, res) => {
    requestCount++;
    const current = state.answer;
    if (current === undefined) {
      hanging.add(res);
      return;
    }
    res.writeHead(current.status, { 'content-type': current.contentType ?? 'application/json' });
    res.end(current.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get answer() {
      return state.answer;
    },
    set answer(next) {
      state.answer = next;
    },
    get requestCount() {
      return requestCount;
    },
    async close() {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
