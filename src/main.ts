/**
 * The service: settings → database (migrated) → calendar → engine (with the webhook
 * outbox) → tokens → deadline scheduler (late timers first) → HTTP (API, console). SIGTERM/SIGINT: stop accepting, let in-flight
 * requests finish, stop the scheduler, close the database, exit 0.
 */
import { serve } from '@hono/node-server'
import * as registry from '../machines/index.js'
import { createSecurityAudit } from './auth/security-log.js'
import { applyQuickStartTokens, bootstrapAdminToken } from './auth/tokens.js'
import { createLiveCalendar } from './calendar/live.js'
import { config, describeDatabase } from './config.js'
import { consoleRoutes } from './console/routes.js'
import * as diagrams from './diagrams/index.js'
import { createEngine } from './engine/engine.js'
import { createScheduler, type Scheduler } from './engine/scheduler.js'
import { upgradeAtStart } from './engine/upgrade-all.js'
import { createEvidenceStore } from './evidence/store.js'
import { createApp } from './http/app.js'
import { answerClientErrors, serverOptions } from './http/server.js'
import { createHub } from './live/hub.js'
import { createLogger, errorFields } from './log.js'
import { createDelivery } from './notify/delivery.js'
import { createStore } from './store/connection.js'
import { migrateToLatest } from './store/migrate.js'
import { witnessReader } from './witness/file.js'
import { openWitnessWriter, type WitnessWriter } from './witness/writer.js'

/** Longest wait for in-flight requests at shutdown before their connections are cut. */
const DRAIN_MS = 10_000

/** Shown once, on stderr (never in the structured log on stdout). */
function printFirstToken(token: string) {
  process.stderr.write(
    [
      '',
      'yuqing-flow: first start on an empty database; one admin token was created.',
      'It is shown this once and stored only as a hash:',
      '',
      `    ${token}`,
      '',
      'Use it as:   Authorization: Bearer <token>',
      'Make tokens for people (the token is printed on stdout):',
      '    npm run cli -- token create --role office --name 张三 [--org 某单位]',
      'See and revoke:   npm run cli -- token list   |   npm run cli -- token revoke <id>',
      'An organisation before its tokens:   npm run cli -- org create 某单位   |   npm run cli -- org list',
      '',
      '',
    ].join('\n'),
  )
}

/** How often queued webhook notifications (the outbox) are retried when nothing new comes. */
const DELIVERY_POLL_MS = 2_000

async function main() {
  const cfg = config()
  const log = createLogger({ level: cfg.logLevel })
  const clock = { now: () => new Date() }

  const store = createStore(cfg.databaseUrl)
  await migrateToLatest(store.db, store.schema)
  // Built-in holiday years and those loaded into the database (calendar add / PUT
  // /admin/calendar/{year}), re-read every CALENDAR_REFRESH_MS so a year loaded on any node
  // is in force here without a restart.
  const calendar = createLiveCalendar({
    db: store.db,
    workingHours: cfg.workingHours,
    onError: (e) =>
      log.warn('the loaded holiday years could not be read; the calendar in force stays', errorFields(e)),
  })

  const delivery = createDelivery({
    db: store.db,
    clock,
    ...(cfg.webhookSecret ? { secret: cfg.webhookSecret } : {}),
  })
  let delivering: Promise<unknown> | null = null
  const deliver = () => {
    if ((cfg.webhooks.length === 0 && cfg.webhookRoutes.length === 0) || delivering) return
    delivering = delivery
      .deliverDue()
      .catch((e: unknown) => log.warn('webhook delivery failed; retrying', errorFields(e)))
      .finally(() => {
        delivering = null
      })
  }

  // The witness (README "What /verify detects"): committed heads, outside the database.
  const witness: WitnessWriter | null = cfg.witnessFile
    ? await openWitnessWriter({
        file: cfg.witnessFile,
        intervalMs: cfg.witnessIntervalMs,
        now: clock.now,
        onError: (e) => log.error('the witness file could not be written; retrying', errorFields(e)),
      })
    : null
  if (cfg.witnessFile) log.info('witness', { file: cfg.witnessFile, intervalMs: cfg.witnessIntervalMs })

  const hub = createHub({
    maxSubscribers: cfg.streams.max,
    maxPerOrganisation: cfg.streams.perOrganisation,
    maxPerToken: cfg.streams.perToken,
    onError: (e) => log.warn('a live stream failed', errorFields(e)),
  })
  let scheduler: Scheduler | undefined
  const engine = createEngine({
    store,
    plans: registry,
    clock,
    calendar,
    actorCacheSize: cfg.actorCacheSize,
    snapshotEvery: cfg.snapshotEvery,
    lateEntryGraceMs: cfg.lateEntryGraceMs,
    webhooks: [
      ...cfg.webhooks.map((url) => ({ url })),
      ...cfg.webhookRoutes.map((r) => ({ url: r.url, plan: r.plan, ...(r.types ? { types: r.types } : {}) })),
    ],
    onChange: (change) => {
      hub.publish(change)
      witness?.record({
        incident: change.incidentId,
        organisation: change.organisation,
        seq: change.entry.seq,
        head: change.entry.hash,
      })
      // Wake for the deadlines and due-soon warnings the change began (the others were there before).
      for (const at of change.dueTimes) scheduler?.notice(at)
      deliver()
    },
    onListenerError: (e) => log.error('a change listener failed; the change stands', errorFields(e)),
    onTimerError: (timer, e) =>
      log.error('a deadline timer could not fire; the others go on', {
        incident: timer.incident_id,
        instance: timer.instance,
        ...errorFields(e),
      }),
  })

  // What a new year changes (the re-quote of due times that were uncertain in it): told on this node of
  // each year that came into force, loaded here or on another node; on the first read
  // below, of every year loaded before this start (`initial`). Registered once the engine
  // exists, and before that first read, so no year goes unheard.
  calendar.onLoaded(({ years, initial }) => {
    log.info('holiday years in force', { years, initial })
    // OBLIGATIONS.md rule 9: due times computed uncertain in those years are re-quoted once.
    // An incident without its snapshot row (README "Database maintenance") is skipped, named here, and the others go on.
    void engine
      .requote()
      .then(({ requoted, skipped }) => {
        for (const s of skipped)
          log.warn('re-quoting skipped an incident without its snapshot', {
            incident: s.incident,
            reason: s.reason,
          })
        if (requoted > 0 || skipped.length > 0)
          log.info(requoted > 0 ? 'uncertain due times re-quoted' : 'no uncertain due time re-quoted', {
            count: requoted,
            skipped: skipped.length,
            years,
          })
      })
      .catch((e: unknown) => log.warn('re-quoting uncertain due times failed', errorFields(e)))
  })
  await calendar
    .refresh()
    .catch((e: unknown) =>
      log.error(
        'the loaded holiday years could not be read; only the built-in years are in force',
        errorFields(e),
      ),
    )
  const calendarTimer = setInterval(
    () => void calendar.refresh().catch((e: unknown) => log.warn('calendar refresh failed', errorFields(e))),
    cfg.calendarRefreshMs,
  )
  calendarTimer.unref()
  const warning = calendar.coverageWarning(clock.now())
  if (warning) log.warn('calendar coverage', { warning })

  await applyQuickStartTokens(store.db, cfg.authTokens, clock.now())
  if (cfg.authTokens.length === 0) {
    const token = await bootstrapAdminToken(store.db, clock.now())
    if (token) printFirstToken(token)
  }

  const deliveryTimer = setInterval(deliver, DELIVERY_POLL_MS)
  deliver()

  const securityAudit = createSecurityAudit({
    db: store.db,
    now: clock.now,
    failuresPerMinute: cfg.limits.authFailuresPerMinute,
    maxRows: cfg.limits.securityLogMaxRows,
    maxAgeDays: cfg.limits.securityLogMaxAgeDays,
    onError: (e) => log.warn('security log write failed', errorFields(e)),
  })
  // The counts of refusals summarised per client and minute are written once the minute is over.
  const auditTimer = setInterval(() => void securityAudit.flush(), 60_000)
  auditTimer.unref()

  const app = createApp({
    engine,
    db: store.db,
    plans: registry,
    calendar,
    log,
    diagrams,
    evidence: createEvidenceStore(cfg.evidenceDir),
    hub,
    delivery,
    console: consoleRoutes(),
    ...(cfg.witnessFile ? { witness: witnessReader(cfg.witnessFile) } : {}),
    limits: cfg.limits,
    securityAudit,
  })
  const server = serve(
    { fetch: app.fetch, port: cfg.port, hostname: cfg.host, serverOptions: serverOptions(cfg.timeouts) },
    (info) =>
      log.info('listening', {
        port: info.port,
        host: cfg.host,
        database: describeDatabase(cfg.databaseUrl),
        settingsFile: cfg.settingsFile,
      }),
  )
  answerClientErrors(server)
  // Deadlines that passed while the service was down fire after it listens, in the
  // background: an outage with many of them must not keep the API unreachable.
  // Open incidents of a plan version this release no longer has are upgraded first
  // (README "Upgrading to obligations"), so their due times are the obligations' own.
  let closing = false
  scheduler = createScheduler({ engine, clock, pollMs: cfg.timerPollMs, prepareMs: cfg.timerPrepareMs, log })
  const started = scheduler
  void upgradeAtStart(engine, log)
    .then(() => started.start())
    .then((late) => {
      if (late > 0) log.info('late deadlines fired at start', { count: late })
    })
    // Then the incidents in flight are made live (PREPARE_AT_START), so their next change or
    // firing is not the one that restores them; it writes nothing and stops at shutdown.
    .then(() =>
      engine
        .prepareOpen(() => closing, cfg.prepareAtStart)
        .then(
          (prepared) => {
            if (prepared > 0) log.info('open incidents made live at start', { count: prepared })
          },
          (e: unknown) => log.warn('making open incidents live at start failed', errorFields(e)),
        ),
    )

  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    log.info('shutting down', { signal })
    const cut = setTimeout(() => {
      log.warn('requests still open after the drain period; closing their connections')
      if ('closeAllConnections' in server) server.closeAllConnections()
    }, DRAIN_MS)
    cut.unref()
    try {
      hub.close() // event streams end now, or they would hold the server open for the whole drain period
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await scheduler?.stop()
      clearInterval(deliveryTimer)
      clearInterval(calendarTimer)
      clearInterval(auditTimer)
      await securityAudit.flush()
      await delivering
      await witness?.close()
      await store.close()
    } catch (e) {
      log.error('unclean shutdown', errorFields(e))
      process.exit(1)
    }
    log.info('stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((e: unknown) => {
  process.stderr.write(`yuqing-flow failed to start: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
