"""What a file is, decided from its bytes; and an image's size and thumbnail (Pillow)."""

import io
import threading
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

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
# What each EXIF orientation needs to be shown upright (as ImageOps.exif_transpose does).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# A JPEG is decoded at a fraction of its size for its thumbnail (draft mode); other formats are
# decoded whole, 4 bytes a pixel or more: past this they are kept as files without a thumbnail, so
# that a small PNG of 9,400 x 9,400 pixels cannot make the server hold a gigabyte.
MAX_DECODED_PIXELS = 25_000_000
_decoding = threading.BoundedSemaphore(2)  # at most two images decoded at once per process


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
    truncated image) or would cost too much memory to decode whole: kept as a plain file.
    ImageTooLarge for a decompression bomb (more pixels than Pillow's limit)."""
    try:
        with Image.open(file) as image:
            width, height = image.size
            if width * height > (Image.MAX_IMAGE_PIXELS or float("inf")):
                raise ImageTooLarge(f"{width} x {height} pixels is more than this server decodes.")
            if image.format != "JPEG" and width * height > MAX_DECODED_PIXELS:
                return None
            orientation = image.getexif().get(_ORIENTATION)
            if orientation in (5, 6, 7, 8):
                width, height = height, width
            with _decoding:
                image.draft("RGB", (THUMBNAIL_SIZE, THUMBNAIL_SIZE))  # JPEG: decode at a fraction of the size
                image.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))  # loads the pixels, then shrinks
                shown = image.transpose(_UPRIGHT[orientation]) if orientation in _UPRIGHT else image
                has_alpha = shown.mode in ("RGBA", "LA", "PA") or "transparency" in shown.info
                shown = shown.convert("RGBA" if has_alpha else "RGB")
                out = io.BytesIO()
                shown.save(out, format="WEBP", quality=80, method=4)  # a new file: no EXIF, no profile
    except Image.DecompressionBombError as exc:
        raise ImageTooLarge(str(exc)) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError):
        return None
    return ImageInfo(width=width, height=height, thumbnail=out.getvalue())
