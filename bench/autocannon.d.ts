/** The part of autocannon's API (it ships no types) that http-load.ts uses. */
declare module 'autocannon' {
  interface Histogram {
    average: number
    p50: number
    p90: number
    p99: number
    max: number
  }
  export interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
  }
  interface Options {
    url: string
    connections: number
    duration: number
    timeout?: number
    requests?: Array<
      Request & {
        setupRequest?: (req: Request, context: Record<string, unknown>) => Request | null
        onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
      }
    >
  }
  interface Result {
    latency: Histogram
    requests: Histogram
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    statusCodeStats: Record<string, { count: number }>
  }
  function autocannon(opts: Options): Promise<Result>
  export default autocannon
}
