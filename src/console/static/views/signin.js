/**
 * Sign in with a token. GET /whoami says whose it is and its role; the role picker is only
 * a fallback for a server that cannot say (no /whoami). The role only decides which
 * buttons are offered; the server's 403 stays the truth.
 */
import { api, describeError } from '../api.js'
import { h, nextId } from '../dom.js'
import { paren, ROLES, t, term } from '../i18n.js'
import { signIn } from '../session.js'

export function renderSignIn(main, _params, ctx) {
  const tokenId = nextId('token')
  const roleId = nextId('role')
  const hintId = nextId('hint')
  const errorId = nextId('err')
  const token = h('input', {
    id: tokenId,
    name: 'token',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    'aria-describedby': errorId,
  })
  const role = h(
    'select',
    { id: roleId, name: 'role', 'aria-describedby': hintId, value: 'office' },
    ROLES.map((r) => h('option', { value: r }, `${term('role', r)}${paren(r)}`)),
  )
  const error = h('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' })
  const submit = h('button', { type: 'submit', class: 'primary' }, t('signin.submit'))

  const form = h(
    'form',
    {
      class: 'card narrow',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault()
        error.textContent = ''
        const value = token.value.trim()
        if (!value) {
          error.textContent = t('signin.tokenMissing')
          token.setAttribute('aria-invalid', 'true')
          token.focus()
          return
        }
        submit.disabled = true
        try {
          let who = null
          try {
            who = await api.whoami(value)
          } catch (err) {
            if (err?.status !== 404) throw err
            await api.checkToken(value) // an older server: check the token, trust the picker
          }
          const held = who?.role ?? role.value
          signIn(value, held, who ? { name: who.name, organisation: who.organisation } : {})
          ctx.announce(t('signin.ok', { role: term('role', held) }), 'ok')
          ctx.done()
        } catch (err) {
          error.textContent = err?.status === 401 ? t('signin.badToken') : describeError(err)
          token.setAttribute('aria-invalid', 'true')
          token.focus()
        } finally {
          submit.disabled = false
        }
      },
    },
    h('h1', {}, t('signin.title')),
    h('p', { class: 'hint' }, t('signin.intro')),
    h('div', { class: 'field' }, h('label', { for: tokenId }, t('signin.token')), token, error),
    h(
      'div',
      { class: 'field' },
      h('label', { for: roleId }, t('signin.role')),
      role,
      h('p', { id: hintId, class: 'hint' }, t('signin.roleHint')),
    ),
    h('div', { class: 'actions' }, submit),
  )
  main.append(form)
}
