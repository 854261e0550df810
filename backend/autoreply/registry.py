"""The command registry: one declaration per command; parsing "/name args" and answering it."""

import dataclasses
import difflib
import importlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from backend.accounts.selectors import profile_of
from backend.chat.models import MAX_MESSAGE_LENGTH

from .texts import language_of, say

logger = logging.getLogger(__name__)

NEAR_MISS_CUTOFF = 0.75  # "/rol" and "/serach" are near misses; "/how ..." is a question


@dataclass(frozen=True)
class Context:
    """Where a "/" message was posted and by whom: the chat's own knowledge base is its members' only."""

    session: object | None = None  # backend.chat.models.ChatSession
    user: object | None = None
    message: object | None = None  # the "/" message itself (its reply_to is what /kb add reads)
    language: str = "en"  # the "/" message's, which the reply is written in (texts.LANGUAGES)


@dataclass(frozen=True)
class Command:
    name: str
    usage: str
    help: str
    handler: Callable[..., str]  # the text after the name (trimmed) [, the Context] -> the reply
    takes_context: bool = False
    details: str = ""  # what /help <name> adds after the usage and the help


_commands: dict[str, Command] = {}


def command(name: str, *, usage: str, help: str, context: bool = False, details: str = ""):
    """Register the decorated `handler(args: str) -> str` as /name; with context=True it is called as
    `handler(args, context)` and learns the chat, the user and the message. `details` are shown by /help name."""

    def register(handler: Callable[..., str]) -> Callable[..., str]:
        if name in _commands and _commands[name].handler is not handler:
            raise ValueError(f"/{name} is already registered")
        _commands[name] = Command(
            name=name, usage=usage, help=help, handler=handler, takes_context=context, details=details
        )
        return handler

    return register


def all_commands() -> list[Command]:
    return sorted(_commands.values(), key=lambda c: c.name)


def get_command(name: str) -> Command | None:
    return _commands.get(name.lower().lstrip("/"))


def load_plugin_modules() -> None:
    """Modules named in MYCHAT_BOT_COMMAND_MODULES register more commands (the built-in ones are
    imported explicitly by the app config). A name that does not import stops the start, loudly."""
    for module in settings.MYCHAT_BOT_COMMAND_MODULES:
        importlib.import_module(module)


def parse(text: str) -> tuple[str, str]:
    """ "/Roll  2d6" -> ("roll", "2d6"). The text is expected to start with "/"."""
    body = text.strip()[1:].strip()
    name, _, args = body.partition(" ")
    if "\n" in name:
        name, _, rest = name.partition("\n")
        args = f"{rest} {args}".strip()
    return name.lower(), args.strip()


# Bot languages for the app's (accounts.models.Language): what a person chose in their profile.
_PROFILE_LANGUAGES = {"en": "en", "zh-CN": "zh-Hans", "zh-TW": "zh-Hant", "ja": "ja", "ko": "ko"}
_WORDS = re.compile(r"[^\W\d_]")


def reply_language(text: str, user=None) -> str:
    """The language of the "/" message; one without words to tell (/help, /roll 2d6) is answered in
    the language the asker chose for the app, else English."""
    _name, args = parse(text)
    if _WORDS.search(args) or _name not in _commands or user is None:
        return language_of(text)
    profile = profile_of(user)
    return _PROFILE_LANGUAGES.get(profile.language if profile else "", "en")


@dataclass(frozen=True)
class Answer:
    text: str
    error: str = ""  # set when the handler raised: the job is marked failed


def answer(text: str, *, context: Context | None = None) -> Answer:
    """The bot's reply to a "/" message: a command, a "did you mean", or a question for /ask, in the message's
    language."""
    context = context or Context()
    language = reply_language(text, context.user)
    context = dataclasses.replace(context, language=language)
    name, args = parse(text)
    cmd = _commands.get(name)
    if cmd is None:
        if not name:
            cmd, args = _commands["help"], ""
        elif close := difflib.get_close_matches(name, list(_commands), n=1, cutoff=NEAR_MISS_CUTOFF):
            return Answer(say("did_you_mean", language, name=close[0], usage=_commands[close[0]].usage))
        else:
            # The ancestor bot answered anything after "/": the whole text is a question.
            cmd, args = _commands["ask"], text.strip()[1:].strip()
    try:
        reply = (cmd.handler(args, context) if cmd.takes_context else cmd.handler(args)).strip()
    except Exception as exc:
        logger.exception("/%s failed on %r", cmd.name, text)
        return Answer(say("failed", language, name=cmd.name, error=type(exc).__name__), error=repr(exc))
    return Answer(_fit(reply or say("no_answer", language)))


def _fit(reply: str) -> str:
    if len(reply) <= MAX_MESSAGE_LENGTH:
        return reply
    return reply[: MAX_MESSAGE_LENGTH - 1].rstrip() + "…"
