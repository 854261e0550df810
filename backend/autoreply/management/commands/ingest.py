"""`manage.py ingest PATH...`: load documents into the bot's knowledge base (idempotent)."""

import time

from django.core.management.base import BaseCommand

from backend.autoreply.ingest import ingest_paths


class Command(BaseCommand):
    help = "Store .txt .md .rst .html .pdf files (folders recursively) as passages the bot answers from."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders")
        parser.add_argument(
            "--prune", action="store_true", help="drop stored documents under PATHs whose files are gone"
        )

    def handle(self, *args, paths, prune, verbosity, **options):
        started = time.perf_counter()
        report = ingest_paths(paths=paths, prune=prune)
        seconds = time.perf_counter() - started
        if verbosity >= 1:
            for label, sources in (("added", report.added), ("updated", report.updated), ("removed", report.removed)):
                for source in sources:
                    self.stdout.write(f"{label}: {source}")
            if verbosity >= 2:
                for source in report.unchanged:
                    self.stdout.write(f"unchanged: {source}")
        for source, reason in report.skipped:
            self.stderr.write(f"skipped: {source} ({reason})")
        self.stdout.write(
            f"ingest: {len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
            f"{len(report.removed)} removed, {len(report.skipped)} skipped; "
            f"{report.passages} passages written in {seconds:.2f}s"
        )
