/**
 * The reader's opt-in browser notifications and quiet mode, remembered in this browser; shows
 * the alerts that browserNotifications.js decides on.
 */
import { ref } from 'vue'

const ENABLED_KEY = 'mychat.notifications'
const QUIET_KEY = 'mychat.quiet'

/** @param {string} key */
function stored(key) {
  try {
    return localStorage.getItem(key) === 'on'
  } catch {
    return false
  }
}

/** @param {string} key @param {boolean} on */
function store(key, on) {
  try {
    localStorage.setItem(key, on ? 'on' : 'off')
  } catch {
    // private browsing: remembered for this page only
  }
}

export const notificationsSupported = () => typeof globalThis.Notification === 'function'

export function useBrowserNotifications() {
  const supported = notificationsSupported()
  const enabled = ref(supported && stored(ENABLED_KEY) && Notification.permission === 'granted')
  const quiet = ref(stored(QUIET_KEY))
  const denied = ref(supported && Notification.permission === 'denied')

  /** Turns them on (asking the browser's permission the first time) or off. */
  async function setEnabled(on) {
    if (on && supported && Notification.permission !== 'granted') {
      const answer = await Notification.requestPermission()
      denied.value = answer === 'denied'
      on = answer === 'granted'
    }
    enabled.value = on && supported
    store(ENABLED_KEY, enabled.value)
  }

  /** @param {boolean} on */
  function setQuiet(on) {
    quiet.value = on
    store(QUIET_KEY, on)
  }

  const state = () => ({ enabled: enabled.value, quiet: quiet.value, hidden: document.hidden })

  /**
   * @param {{title: string, body: string, tag: string} | null} alert
   * @param {() => void} [onClick]
   */
  function show(alert, onClick) {
    if (!alert || !supported) return
    const shown = new Notification(alert.title, { body: alert.body, tag: alert.tag })
    shown.onclick = () => {
      window.focus()
      onClick?.()
      shown.close()
    }
  }

  return { supported, enabled, quiet, denied, setEnabled, setQuiet, state, show }
}
