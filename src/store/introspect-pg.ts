/**
 * What kysely's Migrator asks of PostgreSQL (do its tables exist?), answered from the
 * catalog alone, for the schemas of the connection's search path only.
 *
 * kysely's own PostgresIntrospector reads every column of every schema in the database
 * and calls `pg_get_serial_sequence('<schema>.<table>', '<column>')` and
 * `has_schema_privilege('<schema>', …)` on each row. Those look the names up again
 * through the catalog caches, which see what was committed after the statement's snapshot
 * was taken: a table, column or schema dropped meanwhile by another session, in any
 * schema (another tenant's, another application's, another node's migration committing,
 * another test's 0009 down), fails the whole statement with "column snapshot of relation
 * incidents does not exist" or "relation "t_x.snapshots" does not exist", and with it
 * the migration that asked. Here the auto-increment test reads pg_depend as
 * pg_get_serial_sequence does (a sequence owned by the column, or its identity), in the
 * same snapshot as the rest, and only the search path's schemas are read.
 */
import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  type Kysely,
  PostgresDialect,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely'

interface ColumnRow {
  schema: string
  table: string
  table_type: string
  column: string
  not_null: boolean
  has_default: boolean
  type: string
  type_schema: string
  comment: string | null
  auto_incrementing: boolean
}

export class SearchPathIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const r = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(
      this.db,
    )
    return r.rows.map((s) => ({ name: s.name }))
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const r = await sql<ColumnRow>`
      select ns.nspname as schema, c.relname as table, c.relkind as table_type,
             a.attname as column, a.attnotnull as not_null, a.atthasdef as has_default,
             typ.typname as type, tns.nspname as type_schema,
             col_description(a.attrelid, a.attnum) as comment,
             exists (
               select 1 from pg_catalog.pg_depend d
               join pg_catalog.pg_class s on s.oid = d.objid and s.relkind = 'S'
               where d.classid = 'pg_catalog.pg_class'::regclass
                 and d.refclassid = 'pg_catalog.pg_class'::regclass
                 and d.refobjid = c.oid and d.refobjsubid = a.attnum and d.deptype in ('a', 'i')
             ) as auto_incrementing
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_catalog.pg_type typ on typ.oid = a.atttypid
      join pg_catalog.pg_namespace tns on tns.oid = typ.typnamespace
      where c.relkind in ('r', 'v', 'p') and ns.nspname = any (current_schemas(false))
      order by ns.nspname, c.relname, a.attnum`.execute(this.db)
    const internal = new Set<string>([DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE])
    const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>()
    for (const c of r.rows) {
      if (!options.withInternalKyselyTables && internal.has(c.table)) continue
      const key = `${c.schema}.${c.table}`
      let t = tables.get(key)
      if (!t) {
        t = { name: c.table, schema: c.schema, isView: c.table_type === 'v', columns: [] }
        tables.set(key, t)
      }
      t.columns.push({
        name: c.column,
        dataType: c.type,
        dataTypeSchema: c.type_schema,
        isNullable: !c.not_null,
        hasDefaultValue: c.has_default,
        isAutoIncrementing: c.auto_incrementing,
        ...(c.comment === null ? {} : { comment: c.comment }),
      })
    }
    return [...tables.values()]
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) }
  }
}

/** kysely's PostgresDialect with the introspector above. */
export class SearchPathPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SearchPathIntrospector(db)
  }
}
