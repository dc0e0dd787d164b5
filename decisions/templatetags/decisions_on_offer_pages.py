"""The decisions' part of pages the offers app draws: the offers' templates ``{% load %}`` these
tags, so the offers app never imports decisions."""

from django import template

from decisions import dashboard
from decisions.models import Decision

register = template.Library()


@register.inclusion_tag("decisions/call/_offer_call.html")
def decisions_leaving(offer):
    """On an offer's page: a link to the call plan of each decision that backs out of it (no
    query unless the offer is committed to or backed out of)."""
    return {"offer": offer, "decisions_leaving": list(Decision.objects.leaving(offer))}


@register.inclusion_tag("decisions/call/_follow_ups_due.html", takes_context=True)
def follow_ups_due(context):
    """On the timeline: follow-ups after a call until they are ticked (all of them with
    ``?follow_ups=all``), in one query."""
    request = context["request"]
    return {
        "request": request,
        "follow_ups_due": dashboard.follow_ups_due(
            request.user, every=request.GET.get("follow_ups") == "all"
        ),
    }
