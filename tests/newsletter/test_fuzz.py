"""Whatever a visitor or a bot posts to the subscription form: never a 500, nothing saved unless valid."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsletter.models import Subscriber

text = st.text(max_size=300)
form_data = st.fixed_dictionaries(
    {
        "email": st.one_of(text, st.emails()),
        "name": text,
        "organisation": text,
        "consent": st.sampled_from(["", "on", "false", "1"]),
        "countries": st.lists(st.one_of(st.integers(), text), max_size=3),
        "themes": st.lists(st.one_of(st.integers(), text), max_size=3),
    }
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=form_data)
def test_any_input_is_answered_without_error(client, lettre, data, django_capture_on_commit_callbacks):
    cache.clear()  # the rate limit would answer 429 after a few examples
    before = Subscriber.objects.count()
    clean = {key: value for key, value in data.items() if not (isinstance(value, str) and "\x00" in value)}
    response = client.post("/lettre/", clean)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert Subscriber.objects.count() == before
        assert "Le formulaire contient des erreurs" in response.content.decode()


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(token=st.text(alphabet="abcdef0123456789:-_ABCXYZ", max_size=120))
def test_any_token_is_answered_without_error(client, lettre, token):
    for route in ("confirmer", "preferences", "desinscription"):
        response = client.get(f"/lettre/{route}/{token}/")
        assert response.status_code in (200, 404)


@pytest.mark.django_db
def test_a_theme_key_out_of_the_integer_range_is_an_invalid_choice(client, lettre):
    """Found by the test above: `themes=9223372036854775808` was an OverflowError (500) on SQLite."""
    data = {"email": "maire@example.org", "consent": "on", "themes": ["9223372036854775808"]}
    response = client.post("/lettre/", data)
    assert response.status_code == 400
    assert "Thématique inconnue." in response.content.decode()
    assert not Subscriber.objects.exists()
