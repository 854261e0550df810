"""What a file is, decided from its bytes; and an image's size and thumbnail (Pillow)."""

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from .models import THUMBNAIL_SIZE

HEAD_BYTES = 8192  # enough to tell every format below, and whether text is text

_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
]
RASTER_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
_ORIENTATION = 0x0112  # EXIF: 5 to 8 turn the picture by 90 degrees


def sniff(head: bytes) -> str:
    """The content type that the first bytes of a file show; application/octet-stream when unsure."""
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if b"\x00" in head:
        return "application/octet-stream"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a character cut at the end of the head
            return "application/octet-stream"
        text = head[: exc.start].decode("utf-8")
    start = text.lstrip("\ufeff \t\r\n").lower()
    if "<svg" in start[:1000] and start.startswith(("<svg", "<?xml", "<!doctype svg", "<!--")):
        return "image/svg+xml"
    if start.startswith(("<!doctype html", "<html", "<head", "<body", "<script", "<iframe")):
        return "text/html"
    return "text/plain"


class ImageTooLarge(ValueError):
    """More pixels than Pillow's decompression bomb limit: refused."""


@dataclass
class ImageInfo:
    width: int  # as shown: EXIF orientation applied
    height: int
    thumbnail: bytes  # WebP, without metadata


def image_info(file) -> ImageInfo | None:
    """Size and thumbnail of a raster image; None when the bytes cannot be decoded (a broken or
    truncated image, kept as a plain file). ImageTooLarge for a decompression bomb."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(file) as image:
                width, height = image.size
                if image.getexif().get(_ORIENTATION) in (5, 6, 7, 8):
                    width, height = height, width
                image.draft("RGB", (THUMBNAIL_SIZE, THUMBNAIL_SIZE))  # JPEG: decode at a fraction of the size
                shown = ImageOps.exif_transpose(image)  # loads the pixels
                shown.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
                has_alpha = shown.mode in ("RGBA", "LA", "PA") or "transparency" in shown.info
                shown = shown.convert("RGBA" if has_alpha else "RGB")
                out = io.BytesIO()
                shown.save(out, format="WEBP", quality=80, method=4)  # a new file: no EXIF, no profile
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageTooLarge(str(exc)) from exc
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError):
            return None
    return ImageInfo(width=width, height=height, thumbnail=out.getvalue())
