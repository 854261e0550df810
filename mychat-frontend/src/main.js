/** Boots the app: router, and the one place a 401 turns into a trip to sign-in. */
import { createApp } from 'vue'
import { onUnauthorized } from './api/client.js'
import App from './App.vue'
import { createAppRouter } from './router/index.js'
import './style.css'

const router = createAppRouter()

onUnauthorized(() => {
  const here = router.currentRoute.value
  if (here.name !== 'signin') router.replace({ name: 'signin', query: { redirect: here.fullPath } })
})

createApp(App).use(router).mount('#app')
