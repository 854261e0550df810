"""Cross-cutting HTTP and socket plumbing: errors, body limits, redaction, throttles, health, lean lanes.

No business rule lives here, and nothing here imports an app of mychat (import-linter holds that).
"""
