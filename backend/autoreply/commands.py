"""The built-in commands: /help, /ask, /kb, /search, /roll."""

import random
import re

from . import answers, ranking
from .index import current_index
from .models import Passage
from .registry import Context, all_commands, command, get_command
from .selectors import chat_documents
from .services import NotAllowed, document_remove_from_chat

MAX_DICE = 100
MAX_SIDES = 1000
SEARCH_RESULTS = 3
SNIPPET_CHARS = 220


@command("help", usage="/help [command]", help="List the commands, or explain one.")
def help_command(args: str) -> str:
    if args:
        cmd = get_command(args.split()[0])
        if cmd is None:
            return f"There is no /{args.split()[0].lstrip('/')}. Type /help for the list."
        return f"{cmd.usage} — {cmd.help}"
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
    passages = Passage.objects.select_related("document").in_bulk(wanted)
    if result.shown_passage_id not in passages:  # removed since the index was built
        return answers.unknown(question)
    return answers.found(result, question, passages)


KB_USAGE = "Usage: /kb list, or /kb remove <name>. To add a document, reply to a file with /kb add."


@command(
    "kb",
    usage="/kb list | remove <name>",
    help="This chat's own documents, which /ask answers from first.",
    context=True,
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
        # The seam for the files issue: replying to an attachment with /kb add calls
        # services.document_add_to_chat with its name and bytes.
        return "Adding a document needs attachments, which are coming: then reply to a file with /kb add."
    return KB_USAGE


@command(
    "search", usage="/search <words>", help="Show the 3 best-matching passages and where they come from.", context=True
)
def search_command(args: str, context: Context) -> str:
    if not args:
        return "Usage: /search <words>, e.g. /search invite link"
    hits = ranking.search(args, k=SEARCH_RESULTS, session_id=getattr(context.session, "pk", None))
    if not hits:
        return f"No passage matches \u201c{args}\u201d."
    lines = []
    for number, hit in enumerate(hits, 1):
        text = " ".join(hit.passage.text.split())
        if len(text) > SNIPPET_CHARS:
            text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
        lines.append(f"{number}. {text}\n   — {ranking.source_label(hit.passage)}")
    return "\n".join(lines)


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
