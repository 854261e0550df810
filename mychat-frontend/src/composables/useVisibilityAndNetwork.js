/** The browser's hints that it is worth looking again: the tab is shown again, the network is back (or gone). */

/**
 * Listens only between start() and stop().
 * @param {{onVisible: () => void, onOnline: () => void, onOffline: () => void}} handlers
 */
export function useVisibilityAndNetwork({ onVisible, onOnline, onOffline }) {
  function onVisibilityChange() {
    if (!document.hidden) onVisible()
  }

  return {
    /** The tab is in the background (polling can slow down). */
    isHidden: () => document.hidden,
    start() {
      document.addEventListener('visibilitychange', onVisibilityChange)
      window.addEventListener('online', onOnline)
      window.addEventListener('offline', onOffline)
    },
    stop() {
      document.removeEventListener('visibilitychange', onVisibilityChange)
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
    },
  }
}
