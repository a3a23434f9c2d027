"""Formatting of file facts for people, in French (upload messages, download links)."""


def file_size_fr(value):
    """A file size in French notation: 850 octets, 12 Ko, 2,4 Mo."""
    try:
        size = int(value)
    except (TypeError, ValueError):
        return ""
    if size < 1000:
        return f"{size} octets"
    for unit, factor in (("Ko", 1000), ("Mo", 1000**2), ("Go", 1000**3)):
        amount = size / factor
        if round(amount) < 1000 or unit == "Go":
            text = f"{amount:.1f}" if amount < 9.95 else f"{amount:.0f}"
            if text.endswith(".0"):
                text = text[:-2]
            return f"{text.replace('.', ',')} {unit}"
    return ""
