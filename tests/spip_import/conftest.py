import pytest
from django.core.management import call_command

from spip_import.fixtures import generate


@pytest.fixture(scope="session")
def spip_fixture(tmp_path_factory):
    """The small SPIP backup and its IMG/ folder, written once per test session."""
    return generate(tmp_path_factory.mktemp("spip"), size="small", seed=17)


@pytest.fixture
def run_import(site_tree, spip_fixture, tmp_path, django_capture_on_commit_callbacks):
    """Run `manage.py import_spip` on the small fixture, or on `fixture` (its backup and its own IMG/), or
    on another `backup` with the fixture's IMG/; returns the command's output."""

    def run(*extra, fixture=None, backup=None):
        fixture = fixture or spip_fixture
        from io import StringIO

        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command(
                "import_spip", str(backup or fixture.backup), "--media", str(fixture.img_dir),
                "--report-dir", str(tmp_path), *extra, stdout=out,
            )  # fmt: skip
        return out.getvalue()

    return run


@pytest.fixture(autouse=True)
def _queued_tasks(settings):
    """Tasks are only queued (the worker would run them): the tests check what was queued, not AVIF encoding."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
