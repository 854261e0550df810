"""The bot: the "/" hook, the command registry, the worker and the knowledge base it answers from."""
