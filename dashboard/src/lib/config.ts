/** The base URL of each service's API; set by config.js (window.SIMSWARM_API), same-origin /api by default. */
export interface ApiBases {
  scheduler: string;
  provisioner: string;
  build: string;
  results: string;
}

export const DEFAULT_BASES: ApiBases = {
  scheduler: "/api",
  provisioner: "/api",
  build: "/api",
  results: "/api/results",
};

export function apiBases(source: unknown = (globalThis as { SIMSWARM_API?: unknown }).SIMSWARM_API): ApiBases {
  const given = (source && typeof source === "object" ? source : {}) as Partial<ApiBases>;
  const bases = { ...DEFAULT_BASES };
  for (const key of Object.keys(bases) as (keyof ApiBases)[]) {
    const value = given[key];
    if (typeof value === "string") bases[key] = value.replace(/\/+$/, "");
  }
  return bases;
}
