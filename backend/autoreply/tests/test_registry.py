"""The command registry: declarations, parsing, near misses, failures, and GET /api/commands/."""

import pytest

from backend.autoreply import registry
from backend.autoreply.registry import Answer, all_commands, answer, command, parse


@pytest.fixture
def scratch_commands():
    """Commands registered by a test are removed after it."""
    before = dict(registry._commands)
    yield
    registry._commands.clear()
    registry._commands.update(before)


def test_the_builtin_commands_are_registered():
    assert {c.name for c in all_commands()} >= {"help", "ask", "search", "roll"}


def test_a_decorated_function_becomes_a_command(scratch_commands):
    @command("echo", usage="/echo <text>", help="Say it back.")
    def echo(args):
        return args

    assert answer("/echo hi there") == Answer("hi there")
    assert "/echo <text> — Say it back." in answer("/help").text


def test_a_name_cannot_be_registered_twice(scratch_commands):
    with pytest.raises(ValueError):
        command("roll", usage="/roll", help="again")(lambda args: "")


@pytest.mark.parametrize(
    "text, parsed",
    [
        ("/roll 2d6", ("roll", "2d6")),
        ("/ROLL   2d6 ", ("roll", "2d6")),
        ("/", ("", "")),
        ("/help\nroll", ("help", "roll")),
    ],
)
def test_parse_splits_name_and_arguments(text, parsed):
    assert parse(text) == parsed


@pytest.mark.parametrize("text, suggestion", [("/rol 2d6", "/roll"), ("/serach foo", "/search"), ("/hepl", "/help")])
def test_a_near_miss_gets_did_you_mean(text, suggestion):
    assert answer(text).text.startswith(f"Did you mean {suggestion}?")


def test_a_command_that_raises_answers_briefly_and_reports_the_error(scratch_commands):
    @command("boom", usage="/boom", help="Fails.")
    def boom(args):
        raise KeyError("secret internals")

    result = answer("/boom")
    assert result.text == "Sorry, /boom failed (KeyError). Try /help boom."
    assert "secret internals" in result.error


def test_a_long_reply_is_cut_to_the_message_limit(scratch_commands):
    command("long", usage="/long", help="Too long.")(lambda args: "x" * 5000)
    assert len(answer("/long").text) == 2000


def test_the_api_lists_the_registry(client_for, alice):
    response = client_for(alice).get("/api/commands/")
    assert response.status_code == 200
    assert response.json() == [{"name": c.name, "usage": c.usage, "help": c.help} for c in all_commands()]


def test_the_command_list_needs_a_token(client, db):
    assert client.get("/api/commands/").status_code == 401
