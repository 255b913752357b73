/**
 * Facts a plan's criteria cannot grade as given (e.g. clicks without the number of sites):
 * thrown by a classifier, answered 400 with the field paths by the HTTP layer. Plans are
 * pure, so this is a plain error with a name and the fields it is about.
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
