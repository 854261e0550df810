/**
 * Shows an unread count in the document title ("(3) mychat") and on the favicon while the page
 * that owns it is mounted; puts both back when it goes.
 */
import { onScopeDispose, watch } from 'vue'
import { documentTitle, faviconHref } from '../utils/unreadBadge.js'

function faviconLink() {
  /** @type {HTMLLinkElement | null} */
  let link = document.querySelector('link[rel="icon"]')
  if (!link) {
    link = document.createElement('link')
    link.rel = 'icon'
    document.head.append(link)
  }
  return link
}

/** @param {import('vue').Ref<number> | import('vue').ComputedRef<number>} count */
export function useUnreadBadge(count) {
  /** @param {number} value */
  function show(value) {
    document.title = documentTitle(value)
    faviconLink().href = faviconHref(value)
  }
  watch(count, show, { immediate: true })
  onScopeDispose(() => show(0))
}
