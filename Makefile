# The README's two commands: `make run` and `make test`. `make setup` is their idempotent part.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_CONCURRENCY ?= 1
export HOST PORT

FRONTEND_SOURCES := $(shell find mychat-frontend -path mychat-frontend/node_modules -prune -o -path mychat-frontend/dist -prune -o -path mychat-frontend/e2e -prune -o -type f -print 2>/dev/null | grep -v '\.spec\.js$$')

.PHONY: setup run serve test lint lint-backend lint-frontend schema test-backend test-frontend test-browser browser bench clean

setup: $(VENV)/.installed $(VENV)/.static $(VENV)/.locale mychat-frontend/dist/index.html

$(VENV)/.installed: requirements.txt
	@# PyICU (Unicode's look-alike skeletons for usernames) builds against the system's ICU.
	@pkg-config --exists icu-i18n 2>/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q libicu-dev pkg-config; \
		else echo "Install ICU's headers for PyICU: sudo apt-get install libicu-dev pkg-config" >&2; exit 1; fi; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.static: $(VENV)/.installed
	$(PY) manage.py collectstatic --noinput --verbosity 0
	touch $@

# The API's own messages in zh-hans, zh-hant, ja, ko (backend/locale/*/LC_MESSAGES/django.po) compiled
# to .mo with Babel, in Python: no GNU gettext needed. The .mo files are not committed (docs/i18n.md).
$(VENV)/.locale: $(VENV)/.installed $(wildcard backend/locale/*/LC_MESSAGES/django.po)
	$(VENV)/bin/pybabel -q compile -d backend/locale -D django
	touch $@

node_modules/.installed: package.json package-lock.json
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
	touch $@

mychat-frontend/dist/index.html: node_modules/.installed $(FRONTEND_SOURCES)
	npm run build
	touch $@

# X-Forwarded-For (and -Proto) are believed only from the proxies the operator names: uvicorn would
# otherwise trust them from 127.0.0.1, and anyone there could claim a new address per login attempt.
MYCHAT_TRUSTED_PROXIES ?=
PROXY_HEADERS = $(if $(strip $(MYCHAT_TRUSTED_PROXIES)),--proxy-headers --forwarded-allow-ips '$(strip $(MYCHAT_TRUSTED_PROXIES))',--no-proxy-headers)

# Migrate, load docs/ into the bot's knowledge base, and serve in the foreground (no setup step).
serve:
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ingest docs
	exec $(PY) -m uvicorn backend.asgi:application --host $(HOST) --port $(PORT) \
		--workers $(WEB_CONCURRENCY) --loop uvloop --http httptools --ws websockets-sansio $(PROXY_HEADERS) \
		--no-access-log

run: setup serve

test: setup lint test-backend test-frontend test-browser

# Every finding fails: ruff (lint + format), import-linter (DESIGN.md's dependency rules), and the
# app's ESLint, Prettier and type check.
lint: lint-backend lint-frontend

lint-backend: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

lint-frontend: node_modules/.installed
	npm run lint

# The API contract: the OpenAPI schema the code serves, and the app's types generated from it.
# Tests fail while either is stale.
schema: $(VENV)/.installed node_modules/.installed
	$(PY) manage.py spectacular --file docs/openapi.yaml --validate --fail-on-warn
	npm run generate:api --workspace mychat-frontend

test-backend:
	$(PY) -m pytest

test-frontend:
	npm test

# The browser test drives Debian's Chromium (a test tool's own browser download fails here).
browser:
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium; \
		else echo "Install Debian's chromium package: sudo apt-get install chromium" >&2; exit 1; fi; }

test-browser: browser
	npm run test:e2e

bench: setup
	$(PY) bench/polling.py

clean:
	rm -rf $(VENV) node_modules mychat-frontend/dist var/static
