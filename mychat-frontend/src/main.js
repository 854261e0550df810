/** Boots the app: router, and the one place a 401 turns into a trip to sign-in. */
import { createApp } from 'vue'
import { onUnauthorized } from './api/client.js'
import App from './App.vue'
import { i18n, setLocale, currentLocale } from './i18n/index.js'
import { createAppRouter } from './router/index.js'
import './style.css'

const router = createAppRouter()

onUnauthorized(() => {
  const here = router.currentRoute.value
  if (here.name !== 'signin') router.replace({ name: 'signin', query: { redirect: here.fullPath } })
})

setLocale(currentLocale())
createApp(App).use(i18n).use(router).mount('#app')
