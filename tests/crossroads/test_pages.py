import pytest

pytestmark = pytest.mark.django_db


def test_the_landing_page_explains_the_tools_and_invites_sign_up(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    for heading in (
        "Keep every offer in one place",
        "Decide step by step",
        "Back out gracefully",
        "See it coming next time",
    ):
        assert heading in html
    assert 'href="/accounts/signup/"' in html


def test_the_landing_page_loads_nothing_from_other_hosts(client):
    html = client.get("/").content.decode()
    assert "http://" not in html and "https://" not in html
    assert "<script>" not in html and "style=" not in html


def test_pages_carry_a_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy


def test_an_unknown_address_shows_the_styled_404_page(client, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"Crossroads" in response.content


def test_the_500_page_renders_without_a_request_context(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
