from django.contrib import admin

from offers.models import Contact, Offer


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ("company", "role", "owner", "status", "respond_by", "start_date", "currency")
    list_filter = ("status", "currency")
    search_fields = ("company", "role", "owner__username")
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)
    inlines = [ContactInline]
