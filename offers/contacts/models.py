"""The people on an offer: recruiters, hiring managers and others the user may call."""

from django.db import models
from django.shortcuts import get_object_or_404
from django.urls import reverse


class Contact(models.Model):
    NOTES_LIMIT = 2000

    class Role(models.TextChoices):
        RECRUITER = "recruiter", "Recruiter"
        HIRING_MANAGER = "hiring_manager", "Hiring manager"
        HR = "hr", "HR"
        AGENCY = "agency", "Agency"
        OTHER = "other", "Other"

    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200, help_text="The person's full name.")
    role = models.CharField(
        "their part in the offer",
        max_length=20,
        choices=Role.choices,
        default=Role.RECRUITER,
        help_text="Recruiter, hiring manager, HR, agency or someone else.",
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="With the country code if it is abroad. Calls beat e-mails for hard news.",
    )
    email = models.EmailField("e-mail address", blank=True, help_text="Optional.")
    notes = models.TextField(
        blank=True,
        help_text=f"What you talked about, when to call (up to {NOTES_LIMIT:,} characters).",
    )

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    def get_absolute_url(self):
        """People are shown, added and edited on their offer's page: this one's own place there,
        which the page focuses after an edit."""
        return reverse("offers:detail", args=[self.offer_id]) + f"#contact-{self.pk}"


def get_contact_for_user(user, offer_pk, pk) -> Contact:
    """One of the people on one of the user's offers; anyone else's is a 404."""
    return get_object_or_404(
        Contact.objects.select_related("offer"), pk=pk, offer_id=offer_pk, offer__owner=user
    )
