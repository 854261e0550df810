"""The built-in commands: /help, /ask (the documents), /kb, /search (this chat's messages), /roll."""

import random
import re

from django.conf import settings
from django.core.exceptions import ValidationError

from backend.chat.models import Membership
from backend.files.selectors import message_attachments
from backend.search.query import parse_query
from backend.search.selectors import message_search

from . import answers, ranking
from .models import Passage
from .registry import Context, all_commands, command, get_command
from .selectors import chat_documents
from .services import DocumentRejected, NotAllowed, attachment_add_to_chat, document_remove_from_chat
from .texts import TEXTS, has, say

MAX_DICE = 100
MAX_SIDES = 1000
SEARCH_RESULTS = 5
SNIPPET_CHARS = 220


def _help(cmd, language: str) -> str:
    """A command's one-line help in the language asked in (a plugin's own English when it has none)."""
    key = f"help.{cmd.name}"
    return say(key, language, count=SEARCH_RESULTS, dice=MAX_DICE, sides=MAX_SIDES) if has(key) else cmd.help


@command("help", usage="/help [command]", help="List the commands, or explain one.", context=True)
def help_command(args: str, context: Context) -> str:
    language = context.language
    if args:
        cmd = get_command(args.split()[0])
        if cmd is None:
            return say("help.unknown", language, name=args.split()[0].lstrip("/"))
        details = say(f"details.{cmd.name}", language) if has(f"details.{cmd.name}") else cmd.details
        return f"{cmd.usage} — {_help(cmd, language)}{details}"
    lines = [f"{cmd.usage} — {_help(cmd, language)}" for cmd in all_commands()]
    return say("help.header", language) + "\n" + "\n".join(lines) + "\n" + say("help.footer", language)


@command(
    "ask",
    usage="/ask <question>",
    help="Answer a question from this chat's documents, the site's, or the mychat manual.",
    context=True,
)
def ask_command(args: str, context: Context) -> str:
    if not args:
        return say("ask.empty", context.language)
    session_id = getattr(context.session, "pk", None)
    question, result = ranking.ask(args, session_id=session_id)  # analysed once, for the answer and its words
    if result is None:
        return answers.unknown(question)
    wanted = [result.shown_passage_id] + ([result.also.passage_id] if result.also else [])
    passages = Passage.objects.select_related("document__session").in_bulk(wanted)
    if result.shown_passage_id not in passages:  # removed since the index was built
        return answers.unknown(question)
    return answers.found(result, question, passages)


@command(
    "kb",
    usage="/kb list | add | remove <name>",
    help="This chat's own documents, which /ask answers from first.",
    context=True,
    details=TEXTS["en"]["details.kb"],
)
def kb_command(args: str, context: Context) -> str:
    language = context.language
    if context.session is None:
        return say("kb.outside_chat", language)
    action, _, rest = args.partition(" ")
    action = action.lower() or "list"
    if action in ("list", "ls"):
        documents = list(chat_documents(session=context.session))
        if not documents:
            return say("kb.list_empty", language)
        lines = [say("kb.list_header", language, count=len(documents))]
        for document in documents:
            who = say("kb.added_by", language, user=document.added_by.username) if document.added_by else ""
            lines.append(
                say(
                    "kb.list_item",
                    language,
                    name=document.name,
                    title=document.title,
                    passages=document.passage_total,
                    who=who,
                )
            )
        return "\n".join(lines)
    if action in ("remove", "rm", "delete"):
        if not rest.strip():
            return say("kb.remove_usage", language)
        try:
            removed = document_remove_from_chat(session=context.session, name=rest, by=context.user)
        except NotAllowed as exc:
            return say("kb.remove_not_allowed", language, name=str(exc))
        if removed is None:
            return say("kb.remove_none", language, name=rest.strip())
        return say("kb.removed", language, name=removed.name)
    if action == "add":
        return _kb_add(context)
    return say("kb.usage", language)


def _kb_add(context: Context) -> str:
    """The documents attached to the "/kb add" message itself (the command as the files' caption), else to the
    message it replies to, into this chat's knowledge base."""
    language = context.language
    message = context.message
    if message is None:
        return say("kb.add_how", language)
    attachments = message_attachments(message_id=message.pk)
    original = message
    if not attachments:
        if message.reply_to_id is None:
            return say("kb.add_how", language)
        original = message.reply_to
        if original.session_id != context.session.pk or original.deleted:
            return say("kb.deleted", language)
    if not Membership.objects.filter(session=context.session, user=context.user).exists():
        return say("kb.not_member", language)  # they left before the bot got to it
    if original is not message:
        attachments = message_attachments(message_id=original.pk)
        if not attachments:
            return say("kb.no_files", language, how=say("kb.add_how", language))
    added, known, refused = [], [], []
    for attachment in attachments:
        try:
            result = attachment_add_to_chat(
                session=context.session, attachment=attachment, message_seq=original.seq, added_by=context.user
            )
        except DocumentRejected as exc:
            reason = _refusal(exc, attachment, language)
            refused.append(say("kb.refused_item", language, name=answers.literal(attachment.name), reason=reason))
            continue
        name = answers.literal(result.document.name)
        if result.status == "unchanged":
            known.append(say("kb.known_item", language, name=name, passages=result.passages))
        else:
            replaced = say("kb.replaced", language) if result.status == "replaced" else ""
            title = answers.literal(result.document.title)
            added.append(
                say("kb.added_item", language, name=name, title=title, passages=result.passages, replaced=replaced)
            )
    lines = []
    if added:
        lines += [say("kb.added_header", language), *added]
    if known:
        lines += [say("kb.known_header", language), *known]
    if refused:
        lines += [say("kb.refused_header", language), *refused]
    if added or known:
        lines.append(say("kb.ask_them", language))
    return "\n".join(lines)


def _refusal(exc: DocumentRejected, attachment, language: str) -> str:
    if exc.reason == "type":
        return say("kb.refused_type", language)
    if exc.reason == "size":
        size = f"{attachment.size / 1024 / 1024:.1f}"
        return say("kb.refused_size", language, size=size, limit=settings.MYCHAT_BOT_DOCUMENT_MAX_MB)
    if exc.reason == "empty":
        return say("kb.refused_empty", language)
    return say("kb.refused_unreadable", language, detail=str(exc))


@command(
    "search",
    usage="/search <words>",
    help=f"The {SEARCH_RESULTS} latest messages of this chat containing the words, with links (documents: /ask).",
    context=True,
)
def search_command(args: str, context: Context) -> str:
    language = context.language
    if context.session is None or context.user is None:
        return say("search.outside_chat", language)
    if not args:
        return say("search.usage", language)
    try:
        query = parse_query(args)
    except ValidationError as exc:
        return " ".join(exc.message_dict.get("q", [say("search.invalid", language)]))
    messages, more = message_search(
        user=context.user, query=query, session=context.session, limit=SEARCH_RESULTS, skip_commands=True
    )
    if not messages:
        return say("search.nothing", language, query=args)
    more_text = say("search.more", language) if more else ""
    lines = [say("search.header", language, count=len(messages), query=args, more=more_text)]
    for number, message in enumerate(messages, 1):
        text = " ".join(message.text.split())
        if len(text) > SNIPPET_CHARS:
            text = text[:SNIPPET_CHARS].rstrip() + " …"
        when = message.created_at.strftime("%Y-%m-%d %H:%M")
        link = f"/chats/{context.session.uri}?seq={message.seq}"
        lines.append(f"{number}. [{message.user.username}, {when}]({link}): {_markdown_escaped(text)}")
    return "\n".join(lines)


def _markdown_escaped(text: str) -> str:
    """A quoted message as plain text inside the bot's Markdown reply: no links, emphasis or code of its own."""
    return re.sub(r"([\\`*_{}\[\]()<>#+!|~>-])", r"\\\1", text)


_DICE = re.compile(r"^(\d*)d(\d+)$", re.IGNORECASE)


@command("roll", usage="/roll NdM", help=f"Roll N dice with M sides (up to {MAX_DICE}d{MAX_SIDES}).", context=True)
def roll_command(args: str, context: Context) -> str:
    match = _DICE.match(args.replace(" ", ""))
    usage = say("roll.usage", context.language, dice=MAX_DICE, sides=MAX_SIDES)
    if not match:
        return usage
    dice, sides = int(match.group(1) or 1), int(match.group(2))
    if not (1 <= dice <= MAX_DICE and 1 <= sides <= MAX_SIDES):
        return usage
    rolls = [random.randint(1, sides) for _ in range(dice)]
    if dice == 1:
        return str(rolls[0])
    return f"{' + '.join(map(str, rolls))} = {sum(rolls)}"
