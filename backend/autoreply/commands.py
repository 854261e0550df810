"""The built-in commands: /help, /ask (the documents), /kb, /search (this chat's messages), /roll."""

import random
import re

from django.core.exceptions import ValidationError

from backend.chat.models import Membership
from backend.files.selectors import message_attachments
from backend.search.query import parse_query
from backend.search.selectors import message_search

from . import answers, ranking
from .index import current_index
from .models import Passage
from .registry import Context, all_commands, command, get_command
from .selectors import chat_documents
from .services import DocumentRejected, NotAllowed, attachment_add_to_chat, document_remove_from_chat

MAX_DICE = 100
MAX_SIDES = 1000
SEARCH_RESULTS = 5
SNIPPET_CHARS = 220


@command("help", usage="/help [command]", help="List the commands, or explain one.")
def help_command(args: str) -> str:
    if args:
        cmd = get_command(args.split()[0])
        if cmd is None:
            return f"There is no /{args.split()[0].lstrip('/')}. Type /help for the list."
        return f"{cmd.usage} — {cmd.help}{cmd.details}"
    lines = [f"{cmd.usage} — {cmd.help}" for cmd in all_commands()]
    return "Commands:\n" + "\n".join(lines) + "\nAnything else after / is a question for /ask."


@command(
    "ask",
    usage="/ask <question>",
    help="Answer a question from this chat's documents, the site's, or the mychat manual.",
    context=True,
)
def ask_command(args: str, context: Context) -> str:
    if not args:
        return "Ask me something, e.g. /ask how do I invite someone?"
    session_id = getattr(context.session, "pk", None)
    result = ranking.find_answer(args, session_id=session_id)
    question = ranking.analyse(args, current_index())
    if result is None:
        return answers.unknown(question)
    wanted = [result.shown_passage_id] + ([result.also.passage_id] if result.also else [])
    passages = Passage.objects.select_related("document__session").in_bulk(wanted)
    if result.shown_passage_id not in passages:  # removed since the index was built
        return answers.unknown(question)
    return answers.found(result, question, passages)


KB_USAGE = "Usage: /kb list, /kb add (replying to a file) or /kb remove <name>. /help kb explains them."
KB_ADD_HOW = (
    "To add a document to this chat's knowledge base, reply to the message that carries it with /kb add "
    "(a .txt, .md, .rst, .html or .pdf file)."
)


@command(
    "kb",
    usage="/kb list | add | remove <name>",
    help="This chat's own documents, which /ask answers from first.",
    context=True,
    details=(
        "\n- /kb add, sent as a reply to a message with files, adds its documents (.txt, .md, .rst, .html, or "
        "a .pdf with text) to this chat's knowledge base. Then /ask <question> answers "
        "from them, with a link to the message that carried the file. Only this chat's members get answers "
        "from them. Adding the same file again changes nothing; a new file with the same name replaces it."
        "\n- /kb list shows them, with who added each."
        "\n- /kb remove <name> removes one: whoever added it, or the chat's owner, can."
    ),
)
def kb_command(args: str, context: Context) -> str:
    if context.session is None:
        return "/kb works inside a chat: it manages that chat's documents."
    action, _, rest = args.partition(" ")
    action = action.lower() or "list"
    if action in ("list", "ls"):
        documents = list(chat_documents(session=context.session))
        if not documents:
            return "This chat has no documents of its own yet. Reply to a file with /kb add to add one."
        lines = [f"This chat's documents ({len(documents)}), which /ask answers from first:"]
        for document in documents:
            who = f", added by {document.added_by.username}" if document.added_by else ""
            lines.append(f"- {document.name} — {document.title} ({document.passage_total} passages{who})")
        return "\n".join(lines)
    if action in ("remove", "rm", "delete"):
        if not rest.strip():
            return "Usage: /kb remove <name> (see /kb list for the names)."
        try:
            removed = document_remove_from_chat(session=context.session, name=rest, by=context.user)
        except NotAllowed as exc:
            return f"Only whoever added {exc} or the chat's owner can remove it."
        if removed is None:
            return f"This chat has no document called \u201c{rest.strip()}\u201d. See /kb list."
        return f"Removed {removed.name} from this chat's documents."
    if action == "add":
        return _kb_add(context)
    return KB_USAGE


def _kb_add(context: Context) -> str:
    """The documents attached to the message that "/kb add" replies to, into this chat's knowledge base."""
    message = context.message
    if message is None or message.reply_to_id is None:
        return KB_ADD_HOW
    original = message.reply_to
    if original.session_id != context.session.pk or original.deleted:
        return "That message was deleted, and its files with it. Send the document again and reply to it with /kb add."
    if not Membership.objects.filter(session=context.session, user=context.user).exists():
        return "Only this chat's members can add documents to it."  # they left before the bot got to it
    attachments = message_attachments(message_id=original.pk)
    if not attachments:
        return f"That message has no files. {KB_ADD_HOW}"
    added, known, refused = [], [], []
    for attachment in attachments:
        try:
            result = attachment_add_to_chat(
                session=context.session, attachment=attachment, message_seq=original.seq, added_by=context.user
            )
        except DocumentRejected as exc:
            refused.append(f"- {answers.literal(attachment.name)}: {_refusal(exc)}")
            continue
        name = answers.literal(result.document.name)
        if result.status == "unchanged":
            known.append(f"- {name} ({result.passages} passages), the same file: nothing changed")
        else:
            replaced = ", replacing the earlier file of that name" if result.status == "replaced" else ""
            added.append(f"- {name} — {answers.literal(result.document.title)} ({result.passages} passages{replaced})")
    lines = []
    if added:
        lines += ["Added to this chat's documents:", *added]
    if known:
        lines += ["Already in this chat's documents:", *known]
    if refused:
        lines += ["Not added:", *refused]
    if added or known:
        lines.append(
            "Ask about them with `/ask <question>`: I answer from this chat's documents first, "
            "for this chat's members only. /kb list shows them all."
        )
    return "\n".join(lines)


def _refusal(exc: DocumentRejected) -> str:
    if exc.reason == "type":
        return "I can only read text documents (.txt, .md, .rst, .html) and PDFs with text."
    if exc.reason == "size":
        return f"too big for me ({exc})."
    if exc.reason == "empty":
        return "there is no text in it that I can read."
    return f"I could not read it ({exc})."


@command(
    "search",
    usage="/search <words>",
    help=f"The {SEARCH_RESULTS} latest messages of this chat containing the words, with links (documents: /ask).",
    context=True,
)
def search_command(args: str, context: Context) -> str:
    if context.session is None or context.user is None:
        return "/search works inside a chat: it searches that chat's history. For the documents, use /ask."
    if not args:
        return (
            'Usage: /search <words>, e.g. /search room number (from:@name, "a phrase" and before:2026-01-31 work too)'
        )
    try:
        query = parse_query(args)
    except ValidationError as exc:
        return " ".join(exc.message_dict.get("q", ["That is not a search I can run."]))
    messages, more = message_search(
        user=context.user, query=query, session=context.session, limit=SEARCH_RESULTS, skip_commands=True
    )
    if not messages:
        return f"Nothing in this chat matches \u201c{args}\u201d. For the documents, try /ask {args}"
    lines = [f"The {len(messages)} latest messages matching \u201c{args}\u201d{' (there are more)' if more else ''}:"]
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
ROLL_USAGE = f"Usage: /roll NdM, e.g. /roll 2d6 (1–{MAX_DICE} dice of 1–{MAX_SIDES} sides)."


@command("roll", usage="/roll NdM", help=f"Roll N dice with M sides (up to {MAX_DICE}d{MAX_SIDES}).")
def roll_command(args: str) -> str:
    match = _DICE.match(args.replace(" ", ""))
    if not match:
        return ROLL_USAGE
    dice, sides = int(match.group(1) or 1), int(match.group(2))
    if not (1 <= dice <= MAX_DICE and 1 <= sides <= MAX_SIDES):
        return ROLL_USAGE
    rolls = [random.randint(1, sides) for _ in range(dice)]
    if dice == 1:
        return str(rolls[0])
    return f"{' + '.join(map(str, rolls))} = {sum(rolls)}"
