"""Pages go out compressed to browsers that accept it; static files are compressed ahead of
time, with brotli as well as gzip."""

import gzip
import re
import shutil
from pathlib import Path

import brotli
import pytest
from django.conf import settings
from django.urls import reverse
from whitenoise.compress import Compressor

pytestmark = pytest.mark.django_db


def test_a_page_is_sent_gzipped_to_a_browser_that_accepts_it(alice_client):
    response = alice_client.get(reverse("offers:list"), HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "Your offers" in gzip.decompress(response.content).decode()


def test_a_browser_that_does_not_accept_gzip_gets_the_page_as_it_is(alice_client):
    response = alice_client.get(reverse("offers:list"))
    assert not response.has_header("Content-Encoding")
    assert "Your offers" in response.content.decode()


def test_the_csrf_token_is_masked_afresh_on_every_page(alice_client):
    # BREACH guesses a secret byte by byte from the sizes of compressed responses reflecting
    # text the attacker varies: every page masks the token afresh, so no two responses repeat it.
    def token(query=""):
        url = reverse("offers:list") + query
        response = alice_client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        html = gzip.decompress(response.content).decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    assert token("?status=a") != token("?status=b")
    assert token() != token()


def test_static_files_are_compressed_with_brotli_and_gzip(tmp_path: Path):
    stylesheet = tmp_path / "crossroads.css"
    shutil.copy(Path(settings.BASE_DIR) / "static" / "css" / "crossroads.css", stylesheet)
    written = Compressor(quiet=True).compress(str(stylesheet))
    assert sorted(Path(name).suffix for name in written) == [".br", ".gz"]
    original = stylesheet.read_bytes()
    assert brotli.decompress((tmp_path / "crossroads.css.br").read_bytes()) == original
