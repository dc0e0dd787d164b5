from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from offers.models import Offer


@login_required
def baseline(request):
    """The bare page: signed in like every other page, one indexed query, a tiny template.
    Whatever a real page costs beyond this is its own work."""
    first = Offer.objects.filter(owner=request.user).order_by("pk").values("company").first()
    return render(request, "bench/baseline.html", {"first": first})
