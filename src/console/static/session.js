/**
 * The signed-in token and its role — as GET /whoami told it (with the name and organisation),
 * or as the user picked it where the server cannot tell — kept for this tab only (sessionStorage).
 */

const KEY = 'yuqing.session'

export function session() {
  try {
    const raw = sessionStorage.getItem(KEY)
    if (!raw) return null
    const s = JSON.parse(raw)
    return typeof s?.token === 'string' && typeof s?.role === 'string' ? s : null
  } catch {
    return null
  }
}

/** `who`: { name, organisation } from GET /whoami, when the server told them. */
export function signIn(token, role, who = {}) {
  sessionStorage.setItem(KEY, JSON.stringify({ ...who, token, role }))
}

export function signOut() {
  sessionStorage.removeItem(KEY)
}

/** The roles that may open incidents (API.md: monitor, office and admin). */
export const OPENERS = ['monitor', 'office', 'admin']
export const canOpen = (role) => OPENERS.includes(role)
