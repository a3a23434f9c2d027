"""Whatever a robot or a person types, the form answers 302 or 400 with French messages, never a 500,
and saves either one whole registration or nothing."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registrations.models import Registration
from tests.registrations.conftest import register_data

pytestmark = pytest.mark.django_db

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=text, email=st.one_of(text, st.emails()), organisation=text, function=text, accessibility=text,
       attendance=text, consent=st.sampled_from(["", "on", "0", "false", "x" * 50]))  # fmt: skip
def test_any_input_is_answered_cleanly(client, open_event, name, email, organisation, function, accessibility,
                                       attendance, consent):  # fmt: skip
    from django.core.cache import cache

    cache.clear()  # no rate limit across examples
    before = Registration.objects.count()
    response = client.post("/agenda/rencontres/inscription/", register_data(
        name=name, email=email, organisation=organisation, function=function, accessibility=accessibility,
        attendance=attendance, consent=consent))  # fmt: skip
    assert response.status_code in (302, 400)
    after = Registration.objects.count()
    if response.status_code == 400:
        assert after == before
        assert "Le formulaire n’a pas été envoyé." in response.content.decode()
    else:
        assert after - before in (0, 1)  # 0: the address was already registered (same neutral answer)
