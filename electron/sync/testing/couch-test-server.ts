// A real CouchDB-protocol server for tests and the benchmark: PouchDB's
// express-pouchdb over in-memory PouchDB databases, listening on 127.0.0.1
// only, on a random port. It can be stopped and started again on the same
// port with its data kept (a network partition), can demand credentials like
// a CouchDB with require_valid_user, and can be told to misbehave (errors,
// silence, garbage) while keeping its data, to test recovery.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';

const require = createRequire(import.meta.url);

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface PouchConstructor {
  plugin(plugin: unknown): PouchConstructor;
  defaults(options: Record<string, unknown>): PouchConstructor;
}

// express-pouchdb starts a heartbeat interval for each long poll and, when the
// client goes away at the wrong moment, never clears it: the test process
// would then never exit. Its intervals are therefore unref'd, tracked per
// request (cleared when the response closes) and cleared when a server stops.
const requestIntervals = new AsyncLocalStorage<Set<ReturnType<typeof setInterval>>>();
const pouchHeartbeats = new Set<ReturnType<typeof setInterval>>();
let intervalsTracked = false;
function trackRequestIntervals(): void {
  if (intervalsTracked) return;
  intervalsTracked = true;
  const original = globalThis.setInterval;
  const tracking = ((...args: Parameters<typeof setInterval>) => {
    const handle = original(...args);
    requestIntervals.getStore()?.add(handle);
    if (new Error().stack?.includes('express-pouchdb') === true) {
      handle.unref();
      pouchHeartbeats.add(handle);
    }
    return handle;
  }) as typeof setInterval;
  globalThis.setInterval = Object.assign(tracking, original);
}

let memoryPouch: PouchConstructor | undefined;
function pouchInMemory(): PouchConstructor {
  if (memoryPouch === undefined) {
    const core = require('pouchdb-core') as PouchConstructor;
    memoryPouch = core
      .plugin(require('pouchdb-adapter-memory'))
      .plugin(require('pouchdb-mapreduce'))
      .plugin(require('pouchdb-replication'));
  }
  return memoryPouch;
}

export type ServerFault =
  'none' | 'unauthorized' | 'server-error' | 'silent' | 'garbage' | 'not-json-shape';

export interface CouchTestServer {
  /** http://127.0.0.1:<port> (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Stops listening and cuts every open connection; the data stays. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  setFault(fault: ServerFault): void;
  /** Every request path seen (with query), for tests that check what was asked. */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface CouchTestServerOptions {
  credentials?: { username: string; password: string };
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

export async function startCouchTestServer(
  options: CouchTestServerOptions = {},
): Promise<CouchTestServer> {
  trackRequestIntervals();
  const expressPouchDb = require('express-pouchdb') as (
    pouch: unknown,
    config: Record<string, unknown>,
  ) => Handler;
  // Each server gets its own names, so two servers in one process never share data.
  const Pouch = pouchInMemory().defaults({ adapter: 'memory', prefix: `srv-${randomUUID()}-` });
  const app = expressPouchDb(Pouch, {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: '/dev/null',
  });
  const expected =
    options.credentials === undefined
      ? undefined
      : `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`;
  let fault: ServerFault = 'none';
  const requests: string[] = [];
  const silent = new Set<ServerResponse>();

  const handler: Handler = (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (fault === 'silent') {
      silent.add(res);
      return;
    }
    if (fault === 'server-error')
      return send(res, 500, '{"error":"internal_server_error","reason":"boom"}');
    if (fault === 'garbage')
      return send(res, 200, '<html><body>Welcome to the router</body>', 'text/html');
    if (fault === 'not-json-shape') return send(res, 200, '{"hello":"world"}');
    if (
      fault === 'unauthorized' ||
      (expected !== undefined && req.headers.authorization !== expected)
    ) {
      return send(res, 401, '{"error":"unauthorized","reason":"Name or password is incorrect."}');
    }
    const intervals = new Set<ReturnType<typeof setInterval>>();
    res.once('close', () => {
      for (const handle of intervals) clearInterval(handle);
    });
    requestIntervals.run(intervals, () => app(req, res));
  };

  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(handler);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const stop = async () => {
    const s = server;
    if (s === undefined) return;
    server = undefined;
    for (const res of silent) res.destroy();
    silent.clear();
    for (const handle of pouchHeartbeats) clearInterval(handle);
    pouchHeartbeats.clear();
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  };
  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    stop,
    start: listen,
    setFault(next) {
      fault = next;
      if (next !== 'silent') {
        for (const res of silent) res.destroy();
        silent.clear();
      }
    },
    requests,
    close: stop,
  };
}
