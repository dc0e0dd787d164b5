from django import template

from decisions.models import Decision

register = template.Library()


@register.simple_tag
def decisions_leaving(offer) -> list[Decision]:
    """The decisions whose recorded choice leaves ``offer``, with their call plans (one query)."""
    return list(
        Decision.objects.filter(
            owner_id=offer.owner_id, committed_offer=offer, chosen_offer__isnull=False
        )
        .exclude(chosen_offer=offer)
        .select_related("call_plan")
        .order_by("-decided_at", "-pk")
    )
