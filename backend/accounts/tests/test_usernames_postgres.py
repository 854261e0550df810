"""The username tests again, on PostgreSQL: there two look-alike sign-ups really write at the same
moment, and the unique index must turn the loser's clash into a 400, not a 500. They run in a
pytest of their own whose DATABASE_URL names a throwaway PostgreSQL database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backend.testing.servers import ROOT, postgres_database

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

USERNAME_TESTS = Path(__file__).with_name("test_usernames.py")


def test_the_username_tests_pass_on_postgresql():
    with postgres_database("mychat_usernames") as database_url:
        env = {**os.environ, "DATABASE_URL": database_url}
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--create-db", str(USERNAME_TESTS)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "skipped" not in run.stdout.splitlines()[-1]
