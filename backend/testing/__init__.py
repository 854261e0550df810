"""The backend's shared test support: API and socket helpers (api.py, sockets.py) and real servers (servers.py).

Fixtures built on them (users, signed-in clients, a chat) live in backend/conftest.py.
"""
