/** Who is signed in, and the sign-up / sign-in / sign-out actions (Djoser token auth). */
import { computed, ref, watch } from 'vue'
import { fetchMe, logIn, logOut, setToken, signUp as createUser, token } from '../api/client.js'
import { matchLocale, setLocale } from '../i18n/index.js'

/**
 * The current user's {id, username}: derived from the token, so it is dropped whenever the token changes.
 * @type {import('vue').Ref<import('../api/types.js').User | null>}
 */
const currentUser = ref(null)
watch(token, () => {
  currentUser.value = null
})

export function useAuth() {
  const isSignedIn = computed(() => Boolean(token.value))

  async function loadCurrentUser() {
    if (!currentUser.value && token.value) {
      currentUser.value = await fetchMe()
      // The language the user chose (kept on the server) wins over this device's, once signed in.
      const language = /** @type {{language?: unknown}} */ (currentUser.value).language
      if (typeof language === 'string' && language) setLocale(matchLocale([language]))
    }
    return currentUser.value
  }

  async function signIn({ username, password }) {
    setToken(null) // a stale token would turn the login itself into a 401
    setToken(await logIn({ username, password }))
    return loadCurrentUser()
  }

  let createdAccount = '' // the account this form created, so a retried sign-up (the server was busy) signs in to it

  async function signUp({ username, email, password }) {
    const fields = { username, password }
    if (email) fields.email = email
    if (createdAccount !== username) {
      await createUser(fields)
      createdAccount = username
    }
    return signIn({ username, password })
  }

  async function signOut() {
    try {
      await logOut()
    } catch {
      // Signing out locally matters more than telling the server; the token is dropped either way.
    } finally {
      setToken(null)
    }
  }

  return { currentUser, isSignedIn, loadCurrentUser, signIn, signUp, signOut }
}
