"""Attachments: upload throughput of a 10 MB file, the thumbnail of a 12-megapixel JPEG, and what
attachments do to the cost of a poll.

Run: `.venv/bin/python bench/files.py`. A fresh SQLite database and media directory, one uvicorn
process as `make serve` starts it (rate limits off). Uploads and downloads go over HTTP from this
process; the thumbnail is timed in-process (Pillow alone) and end to end (an upload of the JPEG).
The poll part fills chats of 50 text messages and chats of 50 messages carrying two files each,
restarts the server (so that nothing is rendered yet) and times the first page a client reads
(rendered), the same page again (served from the render-once cache), and an idle poll (304).
"""

import argparse
import io
import json
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.testing.servers import manage, project_env, server

MAKE_PERSON = """
import json
from django.contrib.auth import get_user_model
try:
    from backend.accounts.models import DeviceToken as Token  # one token per device (issue 16)
except ImportError:  # a checkout from before it (a benchmark's "before")
    from rest_framework.authtoken.models import Token
from backend.chat.models import ChatSession, Membership
user = get_user_model().objects.create(username="filer", password="!")
count = int(__import__("os").environ["BENCH_CHATS"])
chats = [ChatSession.objects.create(owner=user, title=f"chat {i}") for i in range(count)]
Membership.objects.bulk_create(Membership(session=c, user=user) for c in chats)
print(json.dumps({"token": Token.objects.create(user=user).key, "chats": [c.uri for c in chats]}))
"""


def twelve_megapixel_jpeg() -> bytes:
    """4000 × 3000, with detail (noise over a gradient) so that it weighs what a photo weighs."""
    from PIL import Image

    noise = Image.effect_noise((4000, 3000), 40).convert("RGB")
    gradient = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    out = io.BytesIO()
    Image.blend(noise, gradient, 0.5).save(out, format="JPEG", quality=90)
    return out.getvalue()


def timed(call, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=10, help="10 MB uploads to time")
    parser.add_argument("--chats", type=int, default=6, help="chats of each kind for the poll part")
    parser.add_argument("--polls", type=int, default=200, help="warm and idle polls per chat")
    options = parser.parse_args()
    logging.getLogger("httpx").setLevel(logging.WARNING)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    import django

    django.setup()
    from backend.files.images import image_info

    jpeg = twelve_megapixel_jpeg()
    thumbnail_times = timed(lambda: image_info(io.BytesIO(jpeg)), 5)

    tmp = Path(tempfile.mkdtemp(prefix="mychat-files-"))
    env = project_env(tmp, MYCHAT_MEDIA_DIR=str(tmp / "media"))
    try:
        manage(env, "migrate", "--noinput")
        made = json.loads(
            manage({**env, "BENCH_CHATS": str(2 * options.chats)}, "shell", "-c", MAKE_PERSON).stdout.splitlines()[-1]
        )
        headers = {"Authorization": f"Token {made['token']}"}
        with (
            server(env, log=tmp / "server.log") as base,
            httpx.Client(base_url=base, headers=headers, timeout=120) as c,
        ):
            chat = made["chats"][0]
            upload_url = f"/api/chats/{chat}/attachments/"
            ten_mb = os.urandom(10 * 1024 * 1024)
            c.post(upload_url, files={"file": ("warm.bin", b"warm")}).raise_for_status()
            uploaded = []

            def upload_ten():
                response = c.post(upload_url, files={"file": ("ten.bin", ten_mb)})
                response.raise_for_status()
                uploaded.append(response.json())

            upload_times = timed(upload_ten, options.uploads)
            download_times = timed(lambda: c.get(uploaded[0]["url"]).raise_for_status(), options.uploads)
            jpeg_upload_times = timed(
                lambda: c.post(upload_url, files={"file": ("photo.jpg", jpeg)}).raise_for_status(), 5
            )

            # Polls: chats of plain messages, and chats whose messages carry two files each.
            plain, carrying = made["chats"][: options.chats], made["chats"][options.chats :]
            for uri in plain:
                for i in range(50):
                    c.post(f"/api/chats/{uri}/messages/", json={"message": f"message {i}"}).raise_for_status()
            for uri in carrying:
                for i in range(50):
                    ids = [
                        c.post(f"/api/chats/{uri}/attachments/", files={"file": (f"{i}-{j}.txt", b"notes")}).json()[
                            "id"
                        ]
                        for j in range(2)
                    ]
                    body = {"message": f"message {i}", "attachments": ids}
                    c.post(f"/api/chats/{uri}/messages/", json=body).raise_for_status()
        # A new process: its render-once cache is empty, as after a deploy.
        with (
            server(env, log=tmp / "server2.log") as base,
            httpx.Client(base_url=base, headers=headers, timeout=120) as c,
        ):
            c.get("/api/chats/").raise_for_status()  # the process's own first request, out of the figures
            polls = {}
            for kind, uris in (("text only", plain), ("2 files each", carrying)):
                first, warm, idle = [], [], []
                for uri in uris:
                    path = f"/api/chats/{uri}/messages/?since=0&limit=100"
                    first += timed(lambda path=path: c.get(path).raise_for_status(), 1)
                    warm += timed(lambda path=path: c.get(path).raise_for_status(), options.polls)
                    etag = c.get(path).headers["ETag"]
                    idle += timed(
                        lambda path=path, etag=etag: c.get(path, headers={"If-None-Match": etag}), options.polls
                    )
                size = len(c.get(f"/api/chats/{uris[0]}/messages/?since=0&limit=100").content)
                polls[kind] = (statistics.median(first), statistics.median(warm), statistics.median(idle), size)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    median_upload = statistics.median(upload_times)
    print(f"cores {os.cpu_count()}; {options.uploads} uploads of 10 MB over loopback, one uvicorn process")
    print(f"upload 10 MB: median {ms(median_upload)} = {10 / median_upload:.0f} MB/s (best {ms(min(upload_times))})")
    print(f"download 10 MB: median {ms(statistics.median(download_times))}")
    print(
        f"thumbnail of a 12-megapixel JPEG ({len(jpeg) / 1e6:.1f} MB), Pillow in-process: "
        f"median {ms(statistics.median(thumbnail_times))}; "
        f"its upload end to end: median {ms(statistics.median(jpeg_upload_times))}"
    )
    print("poll of 50 messages (since=0): first read (rendered) / again (render-once cache) / idle 304")
    for kind, (first, warm, idle, size) in polls.items():
        print(f"  {kind}: {ms(first)} / {ms(warm)} / {ms(idle)}, body {size / 1024:.1f} KB")
    (plain_first, plain_warm, plain_idle, _), (files_first, files_warm, files_idle, _) = polls.values()
    print(
        f"  ratio with files / without: first read {files_first / plain_first:.2f}, "
        f"again {files_warm / plain_warm:.2f}, idle {files_idle / plain_idle:.2f}"
    )


if __name__ == "__main__":
    main()
