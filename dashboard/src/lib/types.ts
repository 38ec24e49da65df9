/** The shapes of the API answers the dashboard reads. */

export interface RunCounts {
  total: number;
  pending: number;
  running: number;
  /** Leased in a worker's batch, waiting behind the run that worker is running. */
  queued?: number;
  succeeded: number;
  failed: number;
  cancelled: number;
}

export interface Campaign {
  id: string;
  status: string;
  cluster: string;
  repoUrl: string;
  ref?: string;
  commit?: string;
  workdir?: string;
  iniFile?: string;
  config: string;
  runFilter?: string;
  simArgs?: string;
  baseImage?: string;
  buildCommand?: string;
  runCommand: string;
  maxParallel: number;
  retries: number;
  runTimeoutSeconds: number;
  cpusPerRun: number;
  memoryPerRun?: string;
  buildId?: string;
  image?: string;
  imageDigest?: string;
  baseImageDigest?: string;
  simulatorVersion?: string;
  owner?: string;
  runs: RunCounts;
  submittedAt: string;
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  error?: string;
  /** Confidence-interval targets that repetitions are added until, such as "queueingTime:mean ci95<=2%"; null for none. */
  until?: string[] | null;
  /** The most repetitions a parameter point gets; null for no limit. */
  maxRepetitions?: number | null;
  /** How the parameter points stand against the targets; null without targets. */
  points?: PointCounts | null;
}

/** The parameter points of a campaign with targets, counted by state. */
export interface PointCounts {
  total: number;
  open: number;
  met: number;
  budget: number;
  noData: number;
}

/**
 * OPEN: still adding repetitions; MET: every target within its limit; BUDGET: maxRepetitions reached without meeting
 * them; NO_DATA: a targeted scalar is in none of the point's results.
 */
export type PointState = "OPEN" | "MET" | "BUDGET" | "NO_DATA";

/** One scalar of a point against one target. */
export interface Measure {
  target: string;
  name: string;
  module: string;
  count: number;
  mean: number;
  /** Half-width of the confidence interval of the mean; null while there are too few values for one. */
  halfWidth: number | null;
  /** The absolute limit the half-width is compared with; for a relative target, its percentage of |mean|. */
  limit: number;
  met: boolean;
}

/** A parameter point (the iteration variables without the repetition) of a campaign with targets. */
export interface Point {
  itervars: { name: string; value: string }[];
  state: PointState;
  runs: number;
  succeeded: number;
  failed: number;
  /** The most runs the point gets; null for no limit. */
  maxRuns: number | null;
  /** Empty before the first evaluation. */
  measures: Measure[];
  evaluatedAt: string | null;
}

export interface Run {
  runNumber: number;
  state: string;
  attempts: number;
  node?: string;
  exitCode?: number;
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  error?: string;
  /** The run's iteration variables by name, in OMNeT++'s order, as the scheduler recorded them at expansion. */
  itervars?: Record<string, string>;
}

/** An iteration variable of a campaign's runs with the values it takes. */
export interface ItervarValues {
  name: string;
  values: string[];
}

export interface Attempt {
  number: number;
  worker?: string;
  startedAt: string;
  finishedAt?: string;
  outcome?: string;
  exitCode?: number;
  durationMs?: number;
  logTail?: string;
}

export interface Page<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

export interface AggregatedScalar {
  config: string;
  itervars: Record<string, string>;
  module: string;
  name: string;
  count: number;
  mean: number;
  stddev?: number;
  min: number;
  max: number;
  ci95HalfWidth?: number;
}

export interface ResultRun {
  run: number;
  repetition: number;
  config: string;
  itervars: Record<string, string>;
}

export interface Statistic {
  run: number;
  module: string;
  name: string;
  count: number;
  mean: number;
  binLowerBounds?: number[];
  binCounts?: number[];
}

export interface VectorInfo {
  key: string;
  run: number;
  module: string;
  name: string;
  count: number;
}

export interface VectorPoints {
  key: string;
  count: number;
  points: { time: number; value: number }[];
}

export interface Cluster {
  name: string;
  provider?: string;
  state?: string;
  status?: string;
  nodes?: { name?: string; hostname?: string; state?: string; role?: string; tasks?: number; runningTasks?: number }[];
  [key: string]: unknown;
}
