/**
 * Online backup of a SQLite database while the service runs (SQLite's backup API,
 * page by page, consistent as of its end). PostgreSQL deployments use pg_dump.
 */
import SQLite from 'better-sqlite3'

export async function backupSqlite(sourceFile: string, targetFile: string): Promise<{ pages: number }> {
  const source = new SQLite(sourceFile, { readonly: true, fileMustExist: true })
  source.pragma('busy_timeout = 5000')
  try {
    const r = await source.backup(targetFile)
    return { pages: r.totalPages }
  } finally {
    source.close()
  }
}

/** `PRAGMA integrity_check` of a SQLite file: 'ok' or the problems found. */
export function integrityCheck(file: string): string {
  const db = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    return (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .join('\n')
  } finally {
    db.close()
  }
}
