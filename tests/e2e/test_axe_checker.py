"""The accessibility check every browser test relies on must be able to fail."""

import pytest

pytestmark = [pytest.mark.browser]


def test_axe_fails_a_page_with_an_unlabelled_field(page):
    page.set_content(
        '<html lang="en"><head><title>Broken</title></head>'
        "<body><main><h1>Broken</h1><input type=text></main></body></html>"
    )
    with pytest.raises(AssertionError, match="label"):
        page.check_now()


def test_axe_passes_a_sound_page(page):
    page.set_content(
        '<html lang="en"><head><title>Sound</title></head><body><main><h1>Sound</h1>'
        '<label for="name">Name</label><input id="name" type="text"></main></body></html>'
    )
    page.check_now()
