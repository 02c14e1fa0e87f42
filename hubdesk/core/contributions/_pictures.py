"""Pictures in a learner's new lesson: PNG or JPEG only, few, small, and checked before they travel.

A picture rides in the contribution's events (base64), so it reaches the centre's other PCs and
the hub with everything else; the limits keep an event small enough for any link and a stick.
The size in pixels is read from the file's own header (no image library in core): a PNG's IHDR,
a JPEG's SOF marker. Anything else — a GIF, an SVG (it could carry a script), a file that only
pretends — is refused in one sentence.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct

from hubdesk.core.contributions._model import ContributionError

MAX_PICTURES = 3
MAX_PICTURE_BYTES = 200_000
MAX_SIDE = 2400  # pixels, each side
_NAME = re.compile(r"^pic-[1-9]\.(png|jpg)$")


def picture_size(data: bytes) -> tuple[str, int, int]:
    """``(extension, width, height)`` of a PNG or JPEG, or ContributionError."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return "png", width, height
    if data.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                break
            marker = data[i + 1]
            length = struct.unpack(">H", data[i + 2 : i + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                height, width = struct.unpack(">HH", data[i + 5 : i + 9])
                return "jpg", width, height
            i += 2 + length
    raise ContributionError("A picture must be a PNG or JPEG photo or drawing.")


def check_picture(data: bytes) -> str:
    """Check one picture's bytes and pixels; returns its extension."""
    if len(data) > MAX_PICTURE_BYTES:
        raise ContributionError(
            f"A picture is at most {MAX_PICTURE_BYTES // 1000} KB; this one is {len(data) // 1000} KB. "
            "Make it smaller first."
        )
    ext, width, height = picture_size(data)
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        raise ContributionError(f"A picture is at most {MAX_SIDE} pixels on each side; this one is {width}x{height}.")
    return ext


def check_pictures(pictures: tuple[tuple[str, str], ...]) -> None:
    """``(name, base64)`` pairs, names like ``pic-1.png``: count, names, bytes, pixels."""
    if len(pictures) > MAX_PICTURES:
        raise ContributionError(f"A lesson has at most {MAX_PICTURES} pictures.")
    for name, b64 in pictures:
        if not _NAME.match(name):
            raise ContributionError("A picture's name is pic-1.png to pic-9.jpg.")
        try:
            data = base64.b64decode(b64, validate=True)
        except (binascii.Error, ValueError):
            raise ContributionError("A picture is damaged.") from None
        if check_picture(data) != name.rsplit(".", 1)[1]:
            raise ContributionError("A picture's name does not match its kind (PNG or JPEG).")


def encode(data: bytes, number: int) -> tuple[str, str]:
    """A checked picture as it goes into a contribution: ``(pic-N.ext, base64)``."""
    ext = check_picture(data)
    return f"pic-{number}.{ext}", base64.b64encode(data).decode()
