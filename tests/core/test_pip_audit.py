"""The CI's pip-audit step: a known vulnerability fails it, an unreachable database only warns."""

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "pip_audit.py"


@pytest.fixture
def pip_audit():
    spec = importlib.util.spec_from_file_location("ci_pip_audit", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_run(report):
    """Stands in for the pip-audit process: writes `report` (or nothing, like a crash when offline)."""

    def run(command, **kwargs):
        output = Path(command[command.index("--output") + 1])
        if report is not None:
            output.write_text(json.dumps(report))
        return subprocess.CompletedProcess(command, 1, "", "ConnectionError: Max retries exceeded")

    return run


def test_a_known_vulnerability_fails(pip_audit, monkeypatch, capsys):
    report = {
        "dependencies": [
            {"name": "django", "version": "5.2.0", "vulns": [{"id": "PYSEC-2025-1", "fix_versions": ["5.2.1"]}]},
            {"name": "wagtail", "version": "8.0.1", "vulns": []},
        ]
    }
    monkeypatch.setattr(pip_audit.subprocess, "run", fake_run(report))

    assert pip_audit.main() == 1
    assert "VULNERABLE: django 5.2.0: PYSEC-2025-1 (fixed in 5.2.1)" in capsys.readouterr().out


def test_offline_only_warns(pip_audit, monkeypatch, capsys):
    monkeypatch.setattr(pip_audit.subprocess, "run", fake_run(None))

    assert pip_audit.main() == 0
    assert "WARNING: pip-audit could not run (offline?)" in capsys.readouterr().err


def test_packages_that_cannot_be_looked_up_only_warn(pip_audit, monkeypatch, capsys):
    report = {"dependencies": [{"name": "django", "skip_reason": "Dependency not found on PyPI"}]}
    monkeypatch.setattr(pip_audit.subprocess, "run", fake_run(report))

    assert pip_audit.main() == 0
    assert "1 of 1 pinned packages could not be looked up" in capsys.readouterr().err
