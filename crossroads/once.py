"""Every create form submits once: Back and Save, a double click or two posts at once make one
record, with or without JavaScript.

The token is the page's: a create page opened without one (``?once=``) is sent to its own
address with a new one, so Back returns to that address and the page, fetched again, carries the
same token (``{% once_field %}`` puts it in the form). Saving claims the token in the same
transaction as the record (``save_once``); a form whose token is claimed already lands on what
it made, with a message (``repeat``). Tokens are unique per user, not across users.
"""

import functools
import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect

from crossroads.models import SubmittedForm

ONCE = "once"  # the token's name, in the page's address and in the form


def token(request) -> uuid.UUID | None:
    """The form's token: the posted one, else the page address's; None when there is none."""
    given = request.POST.get(ONCE) or request.GET.get(ONCE)
    try:
        return uuid.UUID(str(given)) if given else None
    except ValueError:
        return None


def with_token(request):
    """A GET of a create page without a token: a redirect to the same address with a new one
    (other parameters kept). None when the page can be shown as it is."""
    if request.method not in ("GET", "HEAD") or token(request) is not None:
        return None
    return redirect(address_with_token(request.path, request.GET))


def address_with_token(path: str, params=None, anchor: str = "") -> str:
    """``path`` with ``params`` and a new token: a page whose create form is ready to use."""
    query = [(k, v) for k, v in (params or {}).items() if k != ONCE] + [(ONCE, uuid.uuid4())]
    return f"{path}?{urlencode(query)}" + (f"#{anchor}" if anchor else "")


def repeat(request):
    """A POST whose token has already made something: a redirect there, with a message.
    None for a form not sent before (or sent without a token, as a script might)."""
    if request.method != "POST" or (given := token(request)) is None:
        return None
    first = SubmittedForm.objects.filter(owner=request.user, token=given).first()
    if first is None:
        return None
    messages.info(
        request,
        f"This was already saved: {first.made_name}. Sending the same form again "
        "changes nothing, so nothing was added twice.",
    )
    return redirect(first.made_url)


def save_once(request, save, made_url, made_name):
    """Run ``save()`` and claim the form's token in one transaction; ``made_url(made)`` and
    ``made_name(made)`` say where the record is and what it is called. Returns what ``save``
    returned (None when it made nothing: then nothing is claimed). Of two posts of one form at
    once, the second fails on the claim, its record is rolled back, and it raises
    ``AlreadySaved`` with the first post's landing."""
    try:
        with transaction.atomic():
            made = save()
            if made:
                claim(request, made_url(made), made_name(made))
    except IntegrityError:
        if (landing := repeat(request)) is None:
            raise
        raise AlreadySaved(landing) from None
    return made


def claim(request, made_url: str, made_name: str) -> None:
    """Record that the form posted made what ``made_url`` shows, inside the transaction that
    made it. An IntegrityError when another post of the same form claimed the token first."""
    if (given := token(request)) is not None:
        SubmittedForm.objects.create(
            owner=request.user, token=given, made_url=made_url[:500], made_name=made_name[:300]
        )


class AlreadySaved(Exception):
    """Raised by ``save_once`` when another post of the same form saved first."""

    def __init__(self, landing):
        super().__init__("This form was already saved.")
        self.landing = landing


def submits_once(view):
    """For a view with a create form: a repeat lands on what the first post made, and two posts
    at once end as one (``AlreadySaved``). The view gives its page a token with ``with_token``
    once it has found the user's objects (another user's is a 404, not a redirect)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if landing := repeat(request):
            return landing
        try:
            return view(request, *args, **kwargs)
        except AlreadySaved as already:
            return already.landing

    return wrapper
