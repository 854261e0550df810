/** The bot's slash commands for the composer's suggestions; empty (not an error) where there is no bot yet. */
import { onMounted, ref } from 'vue'
import { listCommands } from '../api/client.js'

export function useCommands() {
  /** @type {import('vue').Ref<import('../api/types.js').Command[]>} */
  const commands = ref([])
  onMounted(async () => {
    try {
      commands.value = await listCommands()
    } catch {
      commands.value = [] // suggestions are a convenience: a failure must not break the chat
    }
  })
  return { commands }
}
