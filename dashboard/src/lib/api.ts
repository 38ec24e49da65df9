import { apiBases, type ApiBases } from "./config";
import { current } from "./auth";
import type { Point } from "./types";

/** An answer of an API that was not a success, with the sentence of its problem+json body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Service = keyof ApiBases;

/** The URL of `path` on `service` with the `query` values that are set; an array value repeats its parameter. */
export function url(service: Service, path: string, query: Record<string, unknown> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== "") params.append(key, String(item));
    }
  }
  const qs = params.toString();
  return apiBases()[service] + path + (qs ? "?" + qs : "");
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const identity = current();
  return identity ? { Authorization: `Bearer ${identity.token}`, ...extra } : extra;
}

async function failure(response: Response): Promise<ApiError> {
  let detail = `${response.status} ${response.statusText}`;
  try {
    const body = await response.json();
    if (body && typeof body.detail === "string") detail = body.detail;
    else if (body && typeof body.title === "string") detail = body.title;
  } catch {
    /* not JSON: keep the status line */
  }
  if (response.status === 401) detail = "Your token was not accepted: sign in again.";
  if (response.status === 403) detail = "Your role does not allow this.";
  return new ApiError(response.status, detail);
}

export async function getJson<T>(service: Service, path: string, query: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url(service, path, query), { headers: headers({ Accept: "application/json" }) });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export async function getText(service: Service, path: string): Promise<string> {
  const response = await fetch(url(service, path), { headers: headers({ Accept: "text/plain" }) });
  if (!response.ok) throw await failure(response);
  return response.text();
}

export async function postJson<T>(service: Service, path: string, body?: unknown): Promise<T> {
  const response = await fetch(url(service, path), {
    method: "POST",
    headers: headers({ Accept: "application/json", "Content-Type": "application/json" }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The parameter points of a campaign with confidence-interval targets, in run order; [] for one without targets. */
export function campaignPoints(id: string): Promise<Point[]> {
  return getJson<Point[]>("scheduler", `/campaigns/${id}/points`);
}

/**
 * Conditional polling: asks again with the ETag of the last answer and returns null while nothing changed (304).
 */
export class ConditionalGet<T> {
  private tag: string | null = null;

  constructor(
    private readonly service: Service,
    private readonly path: string,
  ) {}

  async next(): Promise<T | null> {
    const extra: Record<string, string> = { Accept: "application/json" };
    if (this.tag) extra["If-None-Match"] = this.tag;
    const response = await fetch(url(this.service, this.path), { headers: headers(extra), cache: "no-store" });
    if (response.status === 304) return null;
    if (!response.ok) throw await failure(response);
    this.tag = response.headers.get("ETag");
    return (await response.json()) as T;
  }
}
