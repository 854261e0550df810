"""Django settings for mychat: every deployment choice comes from the environment."""

import os
import secrets
import time
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("MYCHAT_VAR_DIR", BASE_DIR / "var"))  # local data: SQLite, secret key
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def usable_cores() -> int:
    """The cores this process may run on (a container's CPU set), not the machine's."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated on first start and kept untracked."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    try:  # created once, atomically and private from the start, even with several workers starting
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        for _ in range(50):  # another process may be writing it right now
            if key := path.read_text().strip():
                return key
            time.sleep(0.01)
        raise
    with os.fdopen(descriptor, "w") as file:
        file.write(key := secrets.token_urlsafe(50))
    return key


SECRET_KEY = _secret_key()
DEBUG = env_flag("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "djoser",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "backend.accounts",
    "backend.chat",
    "backend.search",
    "backend.files",
    "backend.autoreply",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "backend.web.errors.JsonErrorBodies",  # an error without a body gets a JSON one
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The API answers in the language the app asks for (Accept-Language): DRF's, Djoser's and Django's
    # own messages, and ours (backend/locale). Django's LocaleMiddleware, less the URL prefix and the
    # cookie: the header decides.
    "backend.web.languages.AcceptLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "backend.web.db_faults.RetryReadsOnLostConnection",
]

ROOT_URLCONF = "backend.urls"
ASGI_APPLICATION = "backend.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite (WAL) by default, PostgreSQL (or anything dj-database-url reads) via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'mychat.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Under ASGI every request runs in a thread of its own, so per-thread persistent connections
    # pile up until PostgreSQL refuses more ("too many clients", seen in bench/push.py). Django's
    # advice for ASGI: no persistent connections, a pool instead (psycopg's, Django >= 5.1).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # The pool checks a connection before handing it out (a round trip), so after PostgreSQL
    # restarts only requests in flight meet a dead one (backend/web/db_faults.py covers those).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 2,
        "max_size": int(os.environ.get("MYCHAT_DB_POOL_SIZE", 10)),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's SQLite backend plus an in-process write queue: this process's writers take turns
    # in arrival order instead of racing for SQLite's lock (backend/web/sqlite, docs/performance.md).
    DATABASES["default"]["ENGINE"] = "backend.web.sqlite"
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # cheap to open; keeps file handles out of idle threads
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so two writers queue instead of deadlocking.
        "transaction_mode": "IMMEDIATE",
        # How long a writer may wait for its turn (and for SQLite's lock) before the API answers 503.
        "timeout": float(os.environ.get("MYCHAT_SQLITE_TIMEOUT", 20)),
        "write_queue": os.environ.get("MYCHAT_SQLITE_WRITE_QUEUE", "fifo"),  # or "lock", "off": for measuring
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and channel layer: in-process by default, Redis via REDIS_URL when processes share work.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Both ride out a Redis outage (docs/security.md, "Faults"): the cache falls back to this
    # process's memory (the rate limits count per process meanwhile), the layer to this process's
    # sockets; neither turns the outage into 500s.
    CACHES = {
        "default": {
            "BACKEND": "backend.web.fallback_cache.FallbackRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "backend.web.channel_layer.ResilientRedisPubSubChannelLayer",
            # Redis pub/sub ignores the database number: deployments sharing a Redis need their own prefix.
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "socket_connect_timeout": 1}],
                "prefix": os.environ.get("MYCHAT_CHANNEL_PREFIX", "mychat"),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# New passwords get Argon2id at OWASP's minimum cost; PBKDF2 hashes stored before still verify and
# are upgraded at sign-in (backend/accounts/hashers.py). Ours run in line: at most
# MYCHAT_HASHES_AT_ONCE at a time per process, by default one per usable core.
PASSWORD_HASHERS = [
    "backend.accounts.hashers.Argon2idPasswordHasher",
    "backend.accounts.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
MYCHAT_HASHES_AT_ONCE = int(os.environ.get("MYCHAT_HASHES_AT_ONCE", 0)) or usable_cores()

LANGUAGE_CODE = "en"
# The app's five languages (docs/i18n.md). The app says zh-CN / zh-TW; Django's fallbacks take them
# (and zh-SG, zh-HK, zh-MO) to the script: zh-hans, zh-hant.
LANGUAGES = [
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("ja", "日本語"),
    ("ko", "한국어"),
]
LOCALE_PATHS = [BASE_DIR / "backend" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
FRONTEND_DIST = BASE_DIR / "mychat-frontend" / "dist"
WHITENOISE_ROOT = FRONTEND_DIST if FRONTEND_DIST.is_dir() else None  # the built app, served at /

# Attachments (backend/files): stored by Django's default storage, never served as public media
# (downloads go through a members-only view). Files under var/media/ by default; S3-compatible
# storage when MYCHAT_S3_BUCKET is set (docs/deploy.md).
MEDIA_ROOT = Path(os.environ.get("MYCHAT_MEDIA_DIR", VAR_DIR / "media"))
MYCHAT_S3_BUCKET = os.environ.get("MYCHAT_S3_BUCKET", "")
if MYCHAT_S3_BUCKET:
    _s3_options = {
        "bucket_name": MYCHAT_S3_BUCKET,
        "default_acl": "private",  # never public: the view streams to members
        "querystring_auth": True,
        "file_overwrite": False,
        "location": os.environ.get("MYCHAT_S3_PREFIX", ""),
    }
    # Credentials: the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or an instance role), read by boto3.
    for option, variable in [("endpoint_url", "MYCHAT_S3_ENDPOINT_URL"), ("region_name", "MYCHAT_S3_REGION")]:
        if value := os.environ.get(variable):
            _s3_options[option] = value
    _default_storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options}
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": MEDIA_ROOT}}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MYCHAT_MAX_UPLOAD_MB = int(os.environ.get("MYCHAT_MAX_UPLOAD_MB", 25))
# The request paths whose bodies may be that large (everything else keeps DATA_UPLOAD_MAX_MEMORY_SIZE).
UPLOAD_PATH_PATTERN = r"^/api/chats/[^/]+/attachments/$"
UPLOAD_BODY_LIMIT = MYCHAT_MAX_UPLOAD_MB * 1024 * 1024 + 64 * 1024  # the file plus the multipart framing
# A profile picture (backend/accounts): the upload at most this large; what is stored is a small WebP.
MYCHAT_AVATAR_MAX_MB = int(os.environ.get("MYCHAT_AVATAR_MAX_MB", 5))
AVATAR_PATH_PATTERN = r"^/api/profile/avatar/$"
AVATAR_BODY_LIMIT = MYCHAT_AVATAR_MAX_MB * 1024 * 1024 + 64 * 1024

# A chat message is at most MAX_MESSAGE_LENGTH (2000) characters; no API body needs more than this.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("MYCHAT_MAX_BODY_BYTES", 64 * 1024))

RATE_LIMITS_ON = env_flag("MYCHAT_RATE_LIMITS", "1")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["backend.accounts.authentication.DeviceTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    # No OPTIONS metadata: nothing reads it, and Djoser's /auth/users/me/ made it a 500 (a 405 now).
    "DEFAULT_METADATA_CLASS": None,
    "DEFAULT_PARSER_CLASSES": ["backend.web.json_input.BoundedJSONParser"],  # depth, NUL, surrogates: 400s
    "DEFAULT_SCHEMA_CLASS": "backend.web.schema.ErrorDocumentingAutoSchema",  # lists the error responses
    "EXCEPTION_HANDLER": "backend.web.errors.api_exception_handler",
    "NUM_PROXIES": 0,  # throttles key on REMOTE_ADDR, which uvicorn's --proxy-headers sets from trusted proxies only
    "DEFAULT_THROTTLE_RATES": {
        "post_message": os.environ.get("MYCHAT_POST_RATE", "120/min"),
        "change_message": os.environ.get("MYCHAT_CHANGE_RATE", "300/min"),
        "read_mark": os.environ.get("MYCHAT_READ_RATE", "600/min"),
        "create_chat": os.environ.get("MYCHAT_CREATE_CHAT_RATE", "30/hour"),
        "join_chat": os.environ.get("MYCHAT_JOIN_CHAT_RATE", "60/hour"),
        "search": os.environ.get("MYCHAT_SEARCH_RATE", "60/min"),
        "upload": os.environ.get("MYCHAT_UPLOAD_RATE", "60/min"),
        "login": os.environ.get("MYCHAT_LOGIN_RATE", "10/min"),
        # Sign-up is sized for a class behind one school address: a hundred signing up at once,
        # each with a retry, within the hour; several classes a day. A script from one address
        # gets no more than that, and all addresses together no more than the global cap
        # (docs/security.md, "Sign-up limits"). Rates are N/s, N/min, N/hour, N/day or N/<k>min.
        "signup": os.environ.get("MYCHAT_SIGNUP_RATE", "200/hour"),
        "signup_daily": os.environ.get("MYCHAT_SIGNUP_DAILY_RATE", "600/day"),
        "signup_global": os.environ.get("MYCHAT_SIGNUP_GLOBAL_RATE", "1000/hour"),
        # Password reset mails: per client address, and per e-mail address asked about.
        "password_reset": os.environ.get("MYCHAT_RESET_RATE", "30/hour"),
        "password_reset_email": os.environ.get("MYCHAT_RESET_EMAIL_RATE", "5/hour"),
    },
}

DJOSER = {
    "LOGIN_FIELD": "username",
    # One token per device (issue 16): logging in adds one, logging out ends only that one.
    "TOKEN_MODEL": "backend.accounts.models.DeviceToken",
    "HIDE_USERS": True,
    # Deleting an account would cascade to the chats it owns and to its messages in everyone
    # else's chats, tearing holes into their seq order. Only an admin may (and should rather
    # deactivate the user in the admin).
    # Deleting oneself would cascade into others' chats; a username once shown in messages (and
    # rendered into their cached JSON) must not change hands: both are for admins only.
    "PERMISSIONS": {
        "user_delete": ["rest_framework.permissions.IsAdminUser"],
        "set_username": ["rest_framework.permissions.IsAdminUser"],
        "username_reset": ["rest_framework.permissions.IsAdminUser"],
        "username_reset_confirm": ["rest_framework.permissions.IsAdminUser"],
    },
    # Djoser's, with the password hashed before the write transaction (issue 19).
    "SERIALIZERS": {
        "user_create": "backend.accounts.serializers.UserCreateSerializer",
        "password_reset_confirm": "backend.accounts.serializers.PasswordResetConfirmSerializer",
        "current_user": "backend.accounts.serializers.CurrentUserSerializer",  # with the profile
    },
    # The link in a reset mail opens the app's page (ResetPasswordPage.vue).
    "PASSWORD_RESET_CONFIRM_URL": "reset/{uid}/{token}",
    "PASSWORD_RESET_SHOW_EMAIL_NOT_FOUND": False,  # the same answer whether or not the address is known
}

# Mail (password reset links): SMTP when EMAIL_HOST is set; else written to files in
# MYCHAT_EMAIL_FILE_PATH (the e2e tests read them there); else printed to the server's console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = env_flag("EMAIL_USE_SSL")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", "0" if EMAIL_USE_SSL else "1")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "mychat <noreply@localhost>")
EMAIL_FILE_PATH = os.environ.get("MYCHAT_EMAIL_FILE_PATH", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
elif EMAIL_FILE_PATH:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The host name in mailed links. Unset, it is the request's Host, which ALLOWED_HOSTS vets: set
# it wherever ALLOWED_HOSTS is wide, or a forged Host could point a reset link elsewhere.
DOMAIN = os.environ.get("MYCHAT_DOMAIN", "")
SITE_NAME = os.environ.get("MYCHAT_SITE_NAME", "mychat")

# Usernames nobody may sign up with (nor with one that looks like them), besides the built-in
# ones and the bot's: backend/accounts/usernames.py.
MYCHAT_RESERVED_USERNAMES = env_list("MYCHAT_RESERVED_USERNAMES")

SPECTACULAR_SETTINGS = {
    "TITLE": "mychat API",
    "DESCRIPTION": "Chat sessions, cursor-polled messages and the slash-command bot.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",  # served locally: no CDN needed
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "SystemEventTypeEnum": ["join", "leave", "remove", "rename"],
        "ChatKindEnum": "backend.chat.models.ChatSession.Kind",
        "MessageKindEnum": "backend.chat.models.Message.Kind",
    },
}

# CORS: only configured origins; with DEBUG=1 the Vite dev server too.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS") + (
    ["http://localhost:5173", "http://127.0.0.1:5173"] if DEBUG else []
)
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After", "Content-Disposition"]
CORS_ALLOW_HEADERS = ["authorization", "content-type", "if-none-match", "idempotency-key"]

# The access log (backend/web/access_log.py): errors, slow requests and writes; "all" for every request.
ACCESS_LOG_ALL = os.environ.get("MYCHAT_ACCESS_LOG", "").strip().lower() in {"all", "1", "true", "yes", "on"}
SLOW_REQUEST_MS = float(os.environ.get("MYCHAT_SLOW_REQUEST_MS", "500"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # WebSocket tokens travel in query strings: kept out of our logs and uvicorn's.
    "filters": {"redact_token": {"()": "backend.web.redact.token_redacting_filter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_token"], "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

# The bot (backend.autoreply): see docs/bot.md.
MYCHAT_BOT_USERNAME = os.environ.get("MYCHAT_BOT_USERNAME", "hubot")
MYCHAT_BOT_EMBEDDED = env_flag("MYCHAT_BOT_EMBEDDED", "1")  # a worker thread inside each server process
MYCHAT_BOT_LEASE_SECONDS = float(
    os.environ.get("MYCHAT_BOT_LEASE_SECONDS", "30")
)  # then a dead worker's job is retaken
MYCHAT_BOT_POLL_SECONDS = float(os.environ.get("MYCHAT_BOT_POLL_SECONDS", "1"))  # for jobs posted via other processes
MYCHAT_BOT_MAX_ATTEMPTS = int(os.environ.get("MYCHAT_BOT_MAX_ATTEMPTS", "3"))
# The largest attachment `/kb add` reads into a chat's documents (read inside a job, within its lease).
MYCHAT_BOT_DOCUMENT_MAX_MB = int(os.environ.get("MYCHAT_BOT_DOCUMENT_MAX_MB", "5"))
MYCHAT_BOT_COMMAND_MODULES = env_list("MYCHAT_BOT_COMMAND_MODULES")  # extra modules that register commands
