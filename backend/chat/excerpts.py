"""Shortening text for excerpts (a reply's quote, the chat list's last line, a notification)."""


def shorten(text: str, length: int) -> str:
    """`text` cut to `length` characters, the last one an ellipsis when it had to be cut."""
    return text if len(text) <= length else text[: length - 1] + "…"
