"""Small binary files generated in code: JPEG illustrations, a one-page PDF, a short WAV."""

import io
import math
import struct
import textwrap
import wave
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

IMAGE_SIZE = (1200, 675)


@lru_cache(maxsize=4)
def _font(size):
    for name in ("DejaVuSans-Bold.ttf", "DejaVuSans.ttf", "LiberationSans-Bold.ttf", "Arial.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # no FreeType: draw shapes only
        return None


def jpeg_bytes(title, start, end, seed=0):
    """A 1200×675 gradient from `start` to `end` (RGB tuples), with circles and the title."""
    width, height = IMAGE_SIZE
    corners = [(0, 110, 140, 255), (40, 0, 255, 170), (110, 255, 0, 150), (255, 150, 90, 0)][seed % 4]
    mask = Image.new("L", (2, 2))
    mask.putdata(corners)
    mask = mask.resize(IMAGE_SIZE, Image.Resampling.BILINEAR)
    image = Image.composite(Image.new("RGB", IMAGE_SIZE, end), Image.new("RGB", IMAGE_SIZE, start), mask)
    overlay = Image.new("RGBA", IMAGE_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for index in range(5):
        radius = 90 + ((seed * 37 + index * 53) % 160)
        x = (seed * 131 + index * 251) % width
        y = (seed * 71 + index * 149) % height
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, 28 + index * 6))
    draw.rectangle((0, height - 190, width, height), fill=(0, 0, 0, 90))
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    font = _font(48)
    if font is not None:
        text = "\n".join(textwrap.wrap(title, width=42)[:2])
        ImageDraw.Draw(image).multiline_text((60, height - 160), text, font=font, fill="white", spacing=14)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def _pdf_string(text):
    encoded = text.replace("’", "'").encode("cp1252", errors="replace")
    return b"(" + encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_bytes(title, paragraphs):
    """A valid one-page A4 PDF (Helvetica, WinAnsi) with a title and wrapped paragraphs."""
    lines = [(18, title), (11, "")]
    for paragraph in paragraphs:
        lines += [(11, line) for line in textwrap.wrap(paragraph, width=88)] + [(11, "")]
    content = [b"BT", b"/F1 18 Tf", b"22 TL", b"56 780 Td"]
    current_size = 18
    for size, line in lines[:52]:
        if size != current_size:
            content += [b"/F1 %d Tf" % size, b"15 TL"]
            current_size = size
        content.append(_pdf_string(line) + b" Tj T*")
    content.append(b"ET")
    stream = b"\n".join(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title " + _pdf_string(title) + b" /Producer (cuf-cms demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


WAV_RATE = 8000


def wav_bytes(seconds, base_hz=440.0):
    """A mono 8 kHz 16-bit WAV: a soft three-note chime repeated for `seconds`."""
    notes = (base_hz, base_hz * 5 / 4, base_hz * 3 / 2)
    frames = bytearray()
    total = int(seconds * WAV_RATE)
    note_length = WAV_RATE // 2
    for index in range(total):
        position = index % note_length
        frequency = notes[(index // note_length) % len(notes)]
        envelope = math.exp(-4.0 * position / note_length)
        sample = int(9000 * envelope * math.sin(2 * math.pi * frequency * index / WAV_RATE))
        frames += struct.pack("<h", sample)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(WAV_RATE)
        wav.writeframes(bytes(frames))
    return buffer.getvalue()
