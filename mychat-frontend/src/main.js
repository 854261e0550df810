/** Boots the app: router, and the one place a 401 turns into a trip to sign-in. */
import { createApp } from 'vue'
import { onUnauthorized } from './api/client.js'
import App from './App.vue'
import { i18n, setLocale, currentLocale } from './i18n/index.js'
import { createAppRouter } from './router/index.js'
import './style.css'

const router = createAppRouter()

onUnauthorized((signedOut) => {
  const here = router.currentRoute.value
  // `signed_out`: the sign-in page says this device was signed out, not why one would sign in there.
  const query = signedOut ? { redirect: here.fullPath, signed_out: '1' } : { redirect: here.fullPath }
  if (here.name !== 'signin') router.replace({ name: 'signin', query })
})

setLocale(currentLocale())
createApp(App).use(i18n).use(router).mount('#app')
