// The browser harness: the desk core under plain Node, with the renderer bundle
// served over HTTP on 127.0.0.1 and two WebSockets — RxDB storage messages and
// operations — that refuse any connection without this run's secret or from
// another origin. A development and test tool; never packaged.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../app/start-core.ts';
import { contentSecurityPolicy } from '../security/content-security-policy.ts';
import { contentTypeOf, resolveStaticFile } from '../security/static-files.ts';
import { exposeStorage, isStorageMessage } from '../transport/expose-storage.ts';

export interface HarnessOptions {
  core: Core;
  /** The built renderer (Vite's output). */
  bundleDirectory: string;
  port?: number;
}

export interface Harness {
  /** Open this in a browser; the secret travels in the fragment, never to the server's logs. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const secret = randomBytes(32).toString('hex');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const csp = contentSecurityPolicy([`ws://127.0.0.1:${port}`]);

  server.on('request', (request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', origin);
      const file =
        request.method === 'GET' ? resolveStaticFile(options.bundleDirectory, url.pathname) : null;
      const body = file ? await readFile(file).catch(() => null) : null;
      if (!file || !body) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      response
        .writeHead(200, {
          'content-type': contentTypeOf(file),
          'content-security-policy': csp,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        })
        .end(body);
    })();
  });

  const storageSockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  const operationSockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    const target =
      url.pathname === '/storage'
        ? storageSockets
        : url.pathname === '/ops'
          ? operationSockets
          : null;
    if (!target || !isAuthorised(request, url, secret, origin)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    target.handleUpgrade(request, socket, head, (ws) => target.emit('connection', ws, request));
  });

  serveStorage(storageSockets, options.core);
  serveOperations(operationSockets, options.core);

  return {
    url: `${origin}/#token=${secret}`,
    port,
    close: () => closeAll(server, [storageSockets, operationSockets]),
  };
}

function isAuthorised(request: IncomingMessage, url: URL, secret: string, origin: string): boolean {
  if (request.headers.origin !== origin) return false;
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function serveStorage(sockets: WebSocketServer, core: Core): void {
  const socketByConnection = new Map<string, WebSocket>();
  const incoming = exposeStorage(core.rendererStorage, (message) => {
    const socket = socketByConnection.get(message.connectionId);
    if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  });
  sockets.on('connection', (socket: WebSocket) => {
    const owned = new Set<string>();
    socket.on('message', (data) => {
      const message = parseJson(data.toString());
      if (!isStorageMessage(message)) return;
      if (!socketByConnection.has(message.connectionId)) {
        socketByConnection.set(message.connectionId, socket);
        owned.add(message.connectionId);
      } else if (socketByConnection.get(message.connectionId) !== socket) {
        return; // another page's connection: not this socket's to use
      }
      incoming.next(message);
    });
    socket.on('close', () => owned.forEach((id) => socketByConnection.delete(id)));
  });
}

function serveOperations(sockets: WebSocketServer, core: Core): void {
  sockets.on('connection', (socket: WebSocket) => {
    socket.on('message', (data) => {
      const request = parseJson(data.toString()) as {
        id?: unknown;
        name?: unknown;
        args?: unknown;
      } | null;
      if (!request || typeof request !== 'object' || typeof request.id !== 'number') return;
      const id = request.id;
      void core.dispatch(String(request.name), request.args).then((result) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id, result }));
      });
    });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function closeAll(server: Server, socketServers: WebSocketServer[]): Promise<void> {
  for (const sockets of socketServers) {
    sockets.clients.forEach((client) => client.terminate());
    await new Promise<void>((resolve) => sockets.close(() => resolve()));
  }
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
