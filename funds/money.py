"""Amounts in euros written the French way: 265 700 €, 1 250,50 €.

Thousands are separated by a narrow no-break space (U+202F) and the sign by a no-break space
(U+00A0), so an amount never wraps across two lines. Amounts are Decimal everywhere; cents are
shown only when there are some.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

THOUSANDS = "\u202f"
BEFORE_SIGN = "\u00a0"


def to_decimal(value):
    """`value` as a Decimal rounded to the cent, or None when it is empty or not a number."""
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if not amount.is_finite():
        return None
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def group_thousands(digits, separator=THOUSANDS):
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return separator.join(groups)


def format_number(value, separator=THOUSANDS):
    """265700 → "265 700"; 1250.5 → "1 250,50"; "" for an empty value."""
    amount = to_decimal(value)
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    text = group_thousands(whole, separator)
    if cents != "00":
        text += f",{cents}"
    return sign + text


def format_euros(value):
    """265700 → "265 700 €" (narrow no-break spaces); "" for an empty value."""
    number = format_number(value)
    return f"{number}{BEFORE_SIGN}€" if number else ""


def percent(part, whole):
    """Whole percent of `part` in `whole` (0 to 100, capped), or None without a positive whole."""
    part, whole = to_decimal(part), to_decimal(whole)
    if part is None or whole is None or whole <= 0:
        return None
    return max(0, min(100, int((part * 100 / whole).to_integral_value(rounding=ROUND_HALF_UP))))
