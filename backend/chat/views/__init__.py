"""The chat REST API: thin views over services (writes) and selectors (reads)."""
