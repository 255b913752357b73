/**
 * What the HTTP benchmark (http.ts) and its load generator (http-load.ts, a separate
 * process) agree on: the load modes, the monitoring event, and the bare routes.
 */

/**
 * engine: any accepted event; monitor: the monitoring event only; monitor-minimal: the same
 * with `Prefer: return=minimal` (no view built or sent); bare*: the bare route.
 */
export type LoadMode = 'engine' | 'monitor' | 'monitor-minimal' | 'bare' | 'bare-normal'

/** The modes that send events to the service (and learn what each incident accepts). */
export const isEventMode = (mode: LoadMode): boolean =>
  mode === 'engine' || mode === 'monitor' || mode === 'monitor-minimal'

/** The event every request of monitor mode sends (监测数据更新). */
export const MONITORING_EVENT = 'METRICS_UPDATED'

/** The bare routes: one journal-sized row committed at synchronous=FULL, or at NORMAL. */
export const BARE_PATHS = { bare: '/bare/commit', 'bare-normal': '/bare/commit-normal' } as const

export const isBare = (mode: LoadMode): mode is keyof typeof BARE_PATHS => mode in BARE_PATHS
