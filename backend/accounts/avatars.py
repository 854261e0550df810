"""A profile picture made from an upload: decoded by Pillow, turned upright, cropped to a square,
shrunk to AVATAR_SIZE and written anew as WebP. The upload itself is never stored nor served, so
nothing it carried (a script in an SVG, a polyglot file, EXIF with a location) reaches anyone."""

import io
import threading

from PIL import Image, ImageOps, UnidentifiedImageError

from .models import AVATAR_MAX_PIXELS, AVATAR_SIZE

ACCEPTED_FORMATS = frozenset({"PNG", "JPEG", "GIF", "WEBP"})
_decoding = threading.BoundedSemaphore(2)  # at most two pictures decoded at once per process


class NotAnImage(ValueError):
    """Not a PNG, JPEG, GIF or WebP picture that opens."""


class TooManyPixels(ValueError):
    """More pixels than AVATAR_MAX_PIXELS (a decompression bomb, or just a huge picture)."""


def avatar_webp(file) -> bytes:
    """The square WebP of a picture; NotAnImage or TooManyPixels when it cannot be one."""
    try:
        with Image.open(file) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise NotAnImage(image.format)
            width, height = image.size
            if width * height > AVATAR_MAX_PIXELS:
                raise TooManyPixels(f"{width} x {height}")
            with _decoding:
                image.draft("RGB", (AVATAR_SIZE, AVATAR_SIZE))  # a JPEG decodes at a fraction of its size
                upright = ImageOps.exif_transpose(image)  # loads the pixels (the first frame of an animation)
                has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
                upright = upright.convert("RGBA" if has_alpha else "RGB")
                side = min(AVATAR_SIZE, upright.width, upright.height)  # a small picture is not blown up
                square = ImageOps.fit(upright, (side, side), method=Image.Resampling.LANCZOS)
                out = io.BytesIO()
                square.save(out, format="WEBP", quality=85, method=4)  # a new file: no EXIF, no profile
    except Image.DecompressionBombError as exc:
        raise TooManyPixels(str(exc)) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, EOFError, IndexError, TypeError, ValueError) as exc:
        if isinstance(exc, NotAnImage | TooManyPixels):
            raise
        raise NotAnImage(str(exc)) from exc
    return out.getvalue()
