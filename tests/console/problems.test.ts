/**
 * The console's sentence for a failed request (src/console/static/problems.js), in the
 * reader's language: a 503 after the disk failed a sync says the change may or may not
 * have been kept and that the service waits for a restart, not "retry later".
 */
import { expect, it } from 'vitest'

/** The console's own module, plain JavaScript served as is (no types): its one function used here. */
const MODULE = '../../src/console/static/problems.js'
const { problemMessage } = (await import(MODULE)) as {
  problemMessage: (e: { status: number; problem?: Record<string, unknown> }) => string
}

it('a 503 whose outcome is unknown is told apart from storage that is only busy', () => {
  const failed = problemMessage({ status: 503, problem: { outcome: 'unknown', detail: 'the disk failed' } })
  expect(failed).toContain('可能已保存，也可能没有')
  expect(failed).toContain('重启')
  expect(failed).not.toContain('稍后重试')
  expect(problemMessage({ status: 503, problem: { detail: 'database is locked' } })).toBe(
    '存储暂不可用，请稍后重试。',
  )
})
