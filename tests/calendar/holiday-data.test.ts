import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCalendar, type HolidayYear, loadHolidayYears } from '../../src/calendar/index.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'yuqing-calendar-'))
  dirs.push(dir)
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content))
  }
  return dir
}

const notice = (year: number, holidays: HolidayYear['holidays']): HolidayYear => ({
  year,
  source: `test notice for ${year}`,
  holidays,
})

describe('loadHolidayYears', () => {
  it('reads one notice per year from the data folder, in order', () => {
    const years = loadHolidayYears()
    expect(years.map((y) => y.year)).toEqual([2024, 2025, 2026])
    expect(years[2]?.source).toContain('2026')
  })
  it('ignores files that are not JSON', () => {
    const dir = folder({
      'README.txt': 'notes',
      '2030.json': notice(2030, [{ name: 'x', off: ['2030-01-01', '2030-01-01'], work: [] }]),
    })
    expect(loadHolidayYears(dir).map((y) => y.year)).toEqual([2030])
  })
  it('names the file that is not valid JSON', () => {
    const dir = folder({ '2030.json': '{ "year": 2030,' })
    expect(() => loadHolidayYears(dir)).toThrow(/2030\.json is not valid JSON/)
  })
  it('names the file and the problem when a make-up day is a weekday', () => {
    const dir = folder({
      '2026.json': notice(2026, [
        { name: '国庆节', off: ['2026-10-01', '2026-10-07'], work: ['2026-10-09'] },
      ]),
    })
    expect(() => loadHolidayYears(dir)).toThrow(
      /2026\.json is invalid:[\s\S]*2026-10-09 is not a Saturday or Sunday/,
    )
  })
  it('refuses malformed dates, reversed ranges and dates outside the year', () => {
    const bad = {
      year: 2026,
      source: 's',
      holidays: [{ name: 'x', off: ['2026-02-30', '2026-01-01'], work: [] }],
    }
    expect(() => loadHolidayYears(folder({ '2026.json': bad }))).toThrow(/2026\.json is invalid/)
    const reversed = notice(2026, [{ name: 'x', off: ['2026-05-05', '2026-05-01'], work: [] }])
    expect(() => loadHolidayYears(folder({ '2026.json': reversed }))).toThrow(/reversed/)
    const outside = notice(2026, [{ name: 'x', off: ['2027-01-01', '2027-01-01'], work: [] }])
    expect(() => loadHolidayYears(folder({ '2026.json': outside }))).toThrow(/2027-01-01 is outside 2026/)
  })
  it('refuses a file whose name is not its year', () => {
    const dir = folder({
      '2027.json': notice(2026, [{ name: 'x', off: ['2026-01-01', '2026-01-01'], work: [] }]),
    })
    expect(() => loadHolidayYears(dir)).toThrow(/2027\.json holds year 2026/)
  })
})

describe('createCalendar with explicit years', () => {
  it('accepts the December before its year, for a New Year make-up day', () => {
    const cal = createCalendar({
      years: [notice(2019, [{ name: '元旦', off: ['2018-12-30', '2019-01-01'], work: ['2018-12-29'] }])],
    })
    expect(cal.isWorkingDay('2018-12-29')).toBe(true)
    expect(cal.isWorkingDay('2018-12-31')).toBe(false)
    expect(cal.coveredYears).toEqual([2019])
  })
  it('refuses the same year twice and notices that disagree about a day', () => {
    const y = notice(2026, [{ name: 'x', off: ['2026-01-01', '2026-01-01'], work: [] }])
    expect(() => createCalendar({ years: [y, y] })).toThrow(/2026 is given twice/)
    const a = notice(2019, [{ name: '元旦', off: ['2018-12-29', '2018-12-29'], work: [] }])
    const b = notice(2018, [{ name: 'x', off: ['2018-10-01', '2018-10-01'], work: ['2018-12-29'] }])
    expect(() => createCalendar({ years: [a, b] })).toThrow(/contradicts another notice about 2018-12-29/)
  })
})
