/** The signed-in token and the role the user said it holds, kept for this tab only (sessionStorage). */

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

export function signIn(token, role) {
  sessionStorage.setItem(KEY, JSON.stringify({ token, role }))
}

export function signOut() {
  sessionStorage.removeItem(KEY)
}
