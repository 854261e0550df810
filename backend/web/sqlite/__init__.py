"""Django's SQLite backend with an in-process write queue: `ENGINE: "backend.web.sqlite"`.

SQLite lets one writer at a time hold its lock, and a writer that finds it taken sleeps and
polls until its busy timeout runs out ("database is locked"). Within one process we know every
writer, so they line up in arrival order instead (see base.py and docs/performance.md).
"""
