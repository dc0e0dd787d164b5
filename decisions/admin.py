from django.contrib import admin

from decisions.models import Consideration, Decision, Factor, Rating


class FactorInline(admin.TabularInline):
    model = Factor
    extra = 0


class ConsiderationInline(admin.TabularInline):
    model = Consideration
    extra = 0
    raw_id_fields = ["offer"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "step_reached", "decided_at", "updated"]
    list_filter = ["step_reached"]
    search_fields = ["title", "owner__username"]
    raw_id_fields = ["owner", "committed_offer", "chosen_offer"]
    filter_horizontal = ["offers"]
    readonly_fields = ["version", "created", "updated"]
    inlines = [FactorInline, ConsiderationInline]


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["factor", "offer", "score"]
    list_select_related = ["factor", "offer"]
    raw_id_fields = ["factor", "offer"]
