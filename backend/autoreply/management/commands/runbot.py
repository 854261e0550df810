"""`manage.py runbot`: the bot worker as its own process (scale-out; set MYCHAT_BOT_EMBEDDED=0 on servers)."""

import signal

from django.core.management.base import BaseCommand

from backend.autoreply.worker import Worker


class Command(BaseCommand):
    help = "Answer pending bot jobs until stopped (SIGINT/SIGTERM). Any number may run at once."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="answer what is pending, then exit")

    def handle(self, *args, once, **options):
        worker = Worker()
        if once:
            self.stdout.write(f"answered {worker.run_pending()} job(s)")
            return
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: worker.stop(timeout=0))
        self.stdout.write(f"bot worker {worker.name} running", ending="\n")
        self.stdout.flush()
        worker.run_forever()
