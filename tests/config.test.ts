import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../src/config.js'

describe('settings', () => {
  it('has the documented defaults, frozen', () => {
    const c = parseConfig({})
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: './data/yuqing.db',
      authTokens: [],
      workingHours: '09:00-12:00,13:30-17:30',
      webhooks: [],
      webhookSecret: null,
      logLevel: 'info',
      timerPollMs: 30_000,
      timerPrepareMs: 60_000,
      actorCacheSize: 1000,
      prepareAtStart: 1000,
    })
    expect(c.evidenceDir).toBe(resolve('data', 'evidence'))
    expect(Object.isFrozen(c)).toBe(true)
  })

  it('reads AUTH_TOKENS as token:role[:name[:organisation]], never echoing a bad one', () => {
    const c = parseConfig({
      AUTH_TOKENS: 'aaaaaaaaaaaaaaaa1:office, bbbbbbbbbbbbbbbb2:group:组长:某局',
      PORT: '0',
      DATABASE_URL: '/var/lib/yq/db.sqlite',
    })
    expect(c.authTokens).toEqual([
      { token: 'aaaaaaaaaaaaaaaa1', role: 'office', name: 'office', organisation: 'default' },
      { token: 'bbbbbbbbbbbbbbbb2', role: 'group', name: '组长', organisation: '某局' },
    ])
    expect(c.port).toBe(0)
    expect(c.evidenceDir).toBe(join('/var/lib/yq', 'evidence'))
    expect(() => parseConfig({ AUTH_TOKENS: 'supersecretvalue99:wizard' })).toThrow(/AUTH_TOKENS/)
    expect(() => parseConfig({ AUTH_TOKENS: 'supersecretvalue99:wizard' })).not.toThrow(/supersecretvalue99/)
  })

  it("writes a live incident's snapshot every SNAPSHOT_EVERY versions: 8 unless set, at least 1", () => {
    expect(parseConfig({}).snapshotEvery).toBe(8)
    expect(parseConfig({ SNAPSHOT_EVERY: '1' }).snapshotEvery).toBe(1)
    expect(parseConfig({ SNAPSHOT_EVERY: '32' }).snapshotEvery).toBe(32)
    expect(() => parseConfig({ SNAPSHOT_EVERY: '0' })).toThrow(/SNAPSHOT_EVERY/)
    expect(() => parseConfig({ SNAPSHOT_EVERY: 'often' })).toThrow(/SNAPSHOT_EVERY/)
  })

  it('prepares incidents due within TIMER_PREPARE_SECONDS, 0 for never, at most an hour', () => {
    expect(parseConfig({ TIMER_PREPARE_SECONDS: '0' }).timerPrepareMs).toBe(0)
    expect(parseConfig({ TIMER_PREPARE_SECONDS: '5' }).timerPrepareMs).toBe(5000)
    expect(() => parseConfig({ TIMER_PREPARE_SECONDS: '-1' })).toThrow(/TIMER_PREPARE_SECONDS/)
    expect(() => parseConfig({ TIMER_PREPARE_SECONDS: '3601' })).toThrow(/TIMER_PREPARE_SECONDS/)
  })

  it('sizes the cache of live incidents, 0 for none, never negative', () => {
    expect(parseConfig({ ACTOR_CACHE_SIZE: '0' }).actorCacheSize).toBe(0)
    expect(parseConfig({ ACTOR_CACHE_SIZE: '50000' }).actorCacheSize).toBe(50_000)
    expect(() => parseConfig({ ACTOR_CACHE_SIZE: '-1' })).toThrow(/ACTOR_CACHE_SIZE/)
  })

  it('makes live at start the open incidents PREPARE_AT_START names, 0 for none, never negative', () => {
    expect(parseConfig({ PREPARE_AT_START: '0' }).prepareAtStart).toBe(0)
    expect(parseConfig({ PREPARE_AT_START: '5000' }).prepareAtStart).toBe(5000)
    expect(() => parseConfig({ PREPARE_AT_START: '-1' })).toThrow(/PREPARE_AT_START/)
  })

  it('refuses bad settings, naming each', () => {
    expect(() => parseConfig({ PORT: 'eighty', WORKING_HOURS: '9-5', WEBHOOKS: 'ftp://x' })).toThrow(
      /PORT[\s\S]*WORKING_HOURS[\s\S]*WEBHOOKS/,
    )
    expect(
      parseConfig({ WEBHOOKS: 'https://a.example/h, https://b.example/h', LOG_LEVEL: '' }).webhooks,
    ).toEqual(['https://a.example/h', 'https://b.example/h'])
  })

  it('keeps no witness unless WITNESS_FILE is set, and never one inside the database directory', () => {
    expect(parseConfig({})).toMatchObject({ witnessFile: null, witnessIntervalMs: 1_000 })
    expect(
      parseConfig({ DATABASE_URL: '/var/lib/yq/db.sqlite', WITNESS_FILE: '/var/log/yq/witness.log' }),
    ).toMatchObject({ witnessFile: '/var/log/yq/witness.log' })
    expect(() =>
      parseConfig({ DATABASE_URL: '/var/lib/yq/db.sqlite', WITNESS_FILE: '/var/lib/yq/witness.log' }),
    ).toThrow(/WITNESS_FILE: must lie outside the database's directory/)
    expect(() =>
      parseConfig({ DATABASE_URL: '/var/lib/yq/db.sqlite', WITNESS_FILE: '/var/lib/yq/sub/w.log' }),
    ).toThrow(/WITNESS_FILE/)
    expect(
      parseConfig({ DATABASE_URL: 'postgres://db/yq', WITNESS_FILE: 'w.log', WITNESS_INTERVAL_MS: '0' }),
    ).toMatchObject({ witnessFile: resolve('w.log'), witnessIntervalMs: 0 })
  })
})
