/**
 * Generates client types from an OpenAPI document with openapi-typescript and compiles
 * TypeScript sources against them with the compiler API, as a client project would.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The d.ts openapi-typescript makes of `doc`, as `npx openapi-typescript URL -o FILE` would. */
export async function generateTypes(doc: unknown): Promise<string> {
  return astToString(await openapiTS(doc as Parameters<typeof openapiTS>[0]))
}

/**
 * Compiles each source (file name → text) beside `yuqing-api.d.ts` (the generated types)
 * in a temporary folder, removed afterwards; answers the compiler's messages per file.
 */
export function compile(types: string, sources: Record<string, string>): Record<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'yuqing-typed-client-'))
  try {
    writeFileSync(join(dir, 'yuqing-api.d.ts'), types)
    const files = Object.entries(sources).map(([name, text]) => {
      const file = join(dir, name)
      writeFileSync(file, text)
      return file
    })
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
      // The client's own dependency (openapi-fetch) comes from this project's node_modules.
      baseUrl: ROOT,
      paths: { 'openapi-fetch': ['node_modules/openapi-fetch'] },
    })
    const out: Record<string, string[]> = {}
    for (const [name] of Object.entries(sources)) {
      const sf = program.getSourceFile(join(dir, name))
      out[name] = ts
        .getPreEmitDiagnostics(program, sf)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    }
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
