/**
 * Facts a classifier refuses (machines never import src/): thrown by `classify` when the
 * figures cannot be graded as given. The HTTP layer should map it to a 400 problem with
 * `errors` (a generic mapping by `name === 'FactsRefused'`; see the report of issue 18).
 */
export class FactsRefused extends Error {
  override readonly name = 'FactsRefused'
  constructor(
    message: string,
    readonly errors: ReadonlyArray<{ path: string; message: string; expected?: string }>,
  ) {
    super(message)
  }
}
