/** Mounting helpers: a page or the whole routed app on a memory-history router, as the browser would show it at a path. */
import { mount } from '@vue/test-utils'
import { h } from 'vue'
import { createMemoryHistory, RouterView } from 'vue-router'
import { createAppRouter } from '../router/index.js'

/**
 * Mounts `component` (by default whatever the route shows) with the app's router at `path`.
 * @param {string} path
 * @param {import('vue').Component} [component]
 */
export async function mountAt(path, component) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const wrapper = mount(component ?? { render: () => h(RouterView) }, {
    global: { plugins: [router] },
    attachTo: document.body,
  })
  return { wrapper, router }
}
