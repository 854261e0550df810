"""A logging filter that keeps WebSocket tokens out of the server logs (no Django imports: used by LOGGING)."""

import logging
import re

TOKEN_IN_QUERY = re.compile(r"((?:^|[?&])token=)[^&\s\"']*", re.IGNORECASE)
REDACTED = r"\1[redacted]"
# uvicorn logs "WebSocket /ws/...?token=..." on uvicorn.error and the request line of plain HTTP
# requests (a GET of a /ws/ URL, say) on uvicorn.access; both include the query string.
UVICORN_LOGGERS = ("uvicorn.error", "uvicorn.access")


def redact(text: str) -> str:
    return TOKEN_IN_QUERY.sub(REDACTED, text) if "token=" in text.lower() else text


class RedactTokenFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True


def token_redacting_filter() -> RedactTokenFilter:
    """LOGGING's factory for the filter; it also attaches it to uvicorn's loggers.

    Naming those loggers in LOGGING would make dictConfig drop the handlers uvicorn gave them
    (and with them the access log), so the filter is added to them here instead, once.
    """
    redacting = RedactTokenFilter()
    for name in UVICORN_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, RedactTokenFilter) for existing in logger.filters):
            logger.addFilter(redacting)
    return redacting
