"""/healthz: 200 when the database answers, 503 when it does not; never cached, never redirected."""

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db


def test_healthy(client, page_cache):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_database_down_gives_503_even_right_after_a_200(client, page_cache, production, monkeypatch):
    assert client.get("/healthz").status_code == 200  # over plain http: exempt from the https redirect

    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "error"}
