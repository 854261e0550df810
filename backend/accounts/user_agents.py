"""A device's name from its User-Agent, short and human: "Firefox on Windows", "Safari on iPhone".

Not a full parser (none is needed to tell one's own devices apart): the browsers and systems
people use, in the order that tells them apart (Edge and Opera say "Chrome" too, Chrome says
"Safari", Android says "Linux"). Anything else is named by its first product token ("curl",
"python-httpx"), and no User-Agent at all by nothing (the app then says "Unknown device").
"""

import re

from .models import DEVICE_NAME_LENGTH

BROWSERS = [  # (a pattern of the User-Agent, its name), the first that matches wins
    (r"\bEdg(?:e|A|iOS)?/", "Edge"),
    (r"\b(?:OPR|Opera)/", "Opera"),
    (r"\bSamsungBrowser/", "Samsung Internet"),
    (r"\b(?:Firefox|FxiOS)/", "Firefox"),
    (r"\b(?:HeadlessChrome|Chrome|CriOS|Chromium)/", "Chrome"),
    (r"\bVersion/[\d.]+.*\bSafari/|\b(?:iPhone|iPad).*AppleWebKit/", "Safari"),
]
SYSTEMS = [
    (r"\biPhone\b", "iPhone"),
    (r"\biPad\b", "iPad"),
    (r"\bAndroid\b", "Android"),
    (r"\bCrOS\b", "ChromeOS"),
    (r"\bWindows\b", "Windows"),
    (r"\bMac OS X\b|\bMacintosh\b", "macOS"),
    (r"\bLinux\b|\bX11\b", "Linux"),
]
PRODUCT = re.compile(r"^([A-Za-z][\w.-]{0,40})")


def _first(patterns, text: str) -> str | None:
    return next((name for pattern, name in patterns if re.search(pattern, text)), None)


def device_name(user_agent: str | None) -> str:
    text = (user_agent or "").strip()[:1000]
    if not text:
        return ""
    browser, system = _first(BROWSERS, text), _first(SYSTEMS, text)
    if browser and system:
        return f"{browser} on {system}"
    if browser or system:
        return browser or system
    product = PRODUCT.match(text)
    return product[1][:DEVICE_NAME_LENGTH] if product else ""
