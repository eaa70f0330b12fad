import autocannon from 'autocannon';

export interface LoadResult {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx answers: any of these makes the figures suspect. */
  failures: number;
}

export interface LoadPlan {
  connections: number;
  durationS: number;
  warmupS: number;
}

/** Warms up (result discarded), then measures one URL with autocannon. */
export async function measure(url: string, plan: LoadPlan, headers: Record<string, string> = {}): Promise<LoadResult> {
  await autocannon({ url, connections: plan.connections, duration: plan.warmupS, headers });
  const r = await autocannon({ url, connections: plan.connections, duration: plan.durationS, headers });
  return {
    reqPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total ?? r['2xx'],
    failures: r.errors + r.timeouts + r.non2xx,
  };
}

/** Logs in and returns the Cookie header value of the session. */
export async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`login failed: ${res.status} ${body}`);
  const sid = res.headers.getSetCookie().find((c) => /^(__Host-)?yuanqu_sid=/.test(c));
  if (!sid) throw new Error('login answered without a session cookie');
  return sid.split(';')[0]!;
}

/** GET as the logged-in user; throws unless 200. */
export async function getJson<T>(url: string, cookie: string): Promise<{ body: T; text: string }> {
  const res = await fetch(url, { headers: { cookie } });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
  return { body: JSON.parse(text) as T, text };
}
