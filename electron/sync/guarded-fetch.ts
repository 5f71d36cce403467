// Every request to the sync server goes through here. It adds the credentials
// (basic auth, so they never sit in a URL), bounds how long the server may take
// (to the headers, and between chunks of the body, which for long polls means
// the heartbeat plus that bound), checks that answers are CouchDB's, turns what
// went wrong into a SyncFailure in words, and reports each outcome to the
// status model. RxDB's CouchDB plugin gets `createGuardedFetch(...)` as its
// fetch, so its long-poll loop never sees a malformed answer (it would throw
// outside its own error handling).
import { failureFromNetworkError, failures, SyncFailure } from './failures.ts';

export interface SyncCredentials {
  username: string;
  password: string;
}

export type RequestOutcome = { ok: true } | { ok: false; failure: SyncFailure };

export interface GuardedFetchOptions {
  credentials: SyncCredentials;
  /** How long the server may take to start answering, and to send the next chunk. */
  answerTimeoutMs: number;
  /** The heartbeat the pull asks for on long polls (CouchDB sends a newline that often). */
  heartbeatMs: number;
  /** Aborted when sync stops: in-flight requests end and are not reported. */
  signal: AbortSignal;
  report(outcome: RequestOutcome): void;
  /** CouchDB's `pending` count on a _changes answer, when it sends one. */
  onPending?(pending: number): void;
  /** The underlying fetch (tests inject drops here). */
  baseFetch?: typeof fetch;
  /**
   * Each checked answer the replication plugin gets, before the plugin sees
   * it (the session learns the server's revisions from them).
   */
  onAnswer?(url: string, init: RequestInit | undefined, body: unknown): void;
}

export interface CouchAnswer {
  status: number;
  body: unknown;
  text: string;
}

export class SyncStopped extends Error {
  constructor() {
    super('Sync was stopped.');
    this.name = 'SyncStopped';
  }
}

function basicAuth(credentials: SyncCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

function urlOf(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

function databaseNameOf(url: URL): string {
  return decodeURIComponent(url.pathname.split('/').filter((part) => part !== '')[0] ?? '');
}

export interface AnswerExpectation {
  check?: (url: string, answer: CouchAnswer) => void;
  passStatuses?: readonly number[];
}

export interface GuardedClient {
  /**
   * A request whose answer the caller checks: `check` throws a SyncFailure for
   * an answer it cannot use (reported like any failure); 401/403 are failures
   * unless listed in `passStatuses`.
   */
  request(url: string, init?: RequestInit, expect?: AnswerExpectation): Promise<CouchAnswer>;
  /** The fetch for RxDB's CouchDB plugin: non-2xx and unexpected shapes are failures. */
  fetch: typeof fetch;
}

export function createGuardedClient(options: GuardedFetchOptions): GuardedClient {
  const baseFetch = options.baseFetch ?? fetch;
  const authorization = basicAuth(options.credentials);

  async function attempt(
    url: string,
    init: RequestInit | undefined,
    passStatuses: readonly number[],
  ): Promise<CouchAnswer> {
    if (options.signal.aborted) throw new SyncStopped();
    const longPoll = /[?&]feed=longpoll(&|$)/.test(url);
    const idleMs = longPoll
      ? options.heartbeatMs + options.answerTimeoutMs
      : options.answerTimeoutMs;
    const controller = new AbortController();
    const stop = () => controller.abort();
    options.signal.addEventListener('abort', stop, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOutAfter: number | undefined;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOutAfter = ms;
        controller.abort();
      }, ms);
    };
    try {
      const headers = new Headers(init?.headers);
      headers.set('Authorization', authorization);
      headers.set('Accept', 'application/json');
      arm(options.answerTimeoutMs);
      let response: Response;
      try {
        response = await baseFetch(url, { ...init, headers, signal: controller.signal });
      } catch (error) {
        throw timedOutAfter !== undefined
          ? failures.timeout(timedOutAfter)
          : failureFromNetworkError(error);
      }
      let text = '';
      try {
        const reader = response.body?.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          if (reader === undefined) break;
          arm(idleMs);
          const chunk = await reader.read();
          if (chunk.done) break;
          text += decoder.decode(chunk.value, { stream: true });
        }
        text += decoder.decode();
      } catch (error) {
        throw timedOutAfter !== undefined
          ? failures.timeout(timedOutAfter)
          : failureFromNetworkError(
              error instanceof Error && error.cause ? error : { cause: { code: 'ECONNRESET' } },
            );
      }
      const passed = passStatuses.includes(response.status);
      if (response.status === 401 && !passed) throw failures.unauthorized();
      if (response.status === 403 && !passed)
        throw failures.forbidden(databaseNameOf(new URL(url)));
      if (response.status >= 500) throw failures.serverError(response.status);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw failures.notCouchDb();
      }
      return { status: response.status, body, text };
    } finally {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', stop);
    }
  }

  async function request(
    url: string,
    init?: RequestInit,
    check: (url: string, answer: CouchAnswer) => void = () => {},
    passStatuses: readonly number[] = [],
  ): Promise<CouchAnswer> {
    try {
      const answer = await attempt(url, init, passStatuses);
      check(url, answer);
      options.report({ ok: true });
      return answer;
    } catch (error) {
      if (options.signal.aborted) throw new SyncStopped();
      const failure = error instanceof SyncFailure ? error : failureFromNetworkError(error);
      options.report({ ok: false, failure });
      throw failure;
    }
  }

  // The plugin's long poll starts "since=now" and keeps that until its first
  // answer. If the server was away, the catch-up pull may finish before the
  // long poll is re-established, and changes made in between would be skipped
  // for good (the long poll's answers move the checkpoint past them). So a
  // long poll that still says "now" continues from the last pull instead.
  const lastPulledSeq = new Map<string, string>();
  const guardedFetch = async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    let url = urlOf(input);
    const parsed = new URL(url);
    const changesOf = parsed.pathname.endsWith('/_changes') ? parsed.pathname : undefined;
    const feed = parsed.searchParams.get('feed');
    if (
      changesOf !== undefined &&
      feed === 'longpoll' &&
      parsed.searchParams.get('since') === 'now'
    ) {
      const known = lastPulledSeq.get(changesOf);
      if (known !== undefined) {
        parsed.searchParams.set('since', known);
        url = parsed.href;
      }
    }
    const answer = await request(url, init, (u, a) => checkPluginAnswer(u, a, options.onPending));
    options.onAnswer?.(url, init, answer.body);
    if (changesOf !== undefined && feed !== 'longpoll') {
      lastPulledSeq.set(changesOf, String((answer.body as { last_seq: string | number }).last_seq));
    }
    return new Response(answer.text, {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  };

  return {
    request: (url, init, expect) => request(url, init, expect?.check, expect?.passStatuses),
    fetch: guardedFetch as typeof fetch,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The answers RxDB's CouchDB plugin reads must have CouchDB's shape, or it would fail badly. */
function checkPluginAnswer(
  url: string,
  answer: CouchAnswer,
  onPending?: (pending: number) => void,
): void {
  const fail = (failure: SyncFailure): never => {
    throw failure;
  };
  const parsed = new URL(url);
  const body = answer.body;
  if (answer.status < 200 || answer.status > 299) {
    if (answer.status === 404 && isObject(body) && body['error'] === 'not_found') {
      fail(failures.missingDatabase(databaseNameOf(parsed)));
    }
    fail(
      isObject(body) && typeof body['error'] === 'string'
        ? failures.serverError(answer.status)
        : failures.notCouchDb(),
    );
  }
  if (parsed.pathname.endsWith('/_changes')) {
    const ok =
      isObject(body) &&
      Array.isArray(body['results']) &&
      body['results'].every((row) => isObject(row) && isObject(row['doc'])) &&
      (typeof body['last_seq'] === 'string' || typeof body['last_seq'] === 'number');
    if (!ok) fail(failures.notCouchDb());
    const pending = (body as Record<string, unknown>)['pending'];
    if (typeof pending === 'number' && onPending) onPending(pending);
  } else if (parsed.pathname.endsWith('/_all_docs')) {
    if (!(isObject(body) && Array.isArray(body['rows']) && body['rows'].every(isObject)))
      fail(failures.notCouchDb());
  } else if (parsed.pathname.endsWith('/_bulk_docs')) {
    if (!(Array.isArray(body) && body.every(isObject))) fail(failures.notCouchDb());
    const refused = (body as Record<string, unknown>[]).find(
      (row) => row['error'] !== undefined && row['error'] !== 'conflict',
    );
    if (refused !== undefined) {
      fail(failures.rejectedDocument(String(refused['reason'] ?? refused['error'])));
    }
  }
}
