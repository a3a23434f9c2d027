"""People of the admin (the editorial fixtures)."""

from tests.editorial.conftest import clients, people  # noqa: F401
