import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404

from crossroads.formats import DEFAULT_NUMBER_FORMAT, local_currency
from offers.exchange import most_used_currency


class CaseInsensitiveUserManager(UserManager):
    def get_by_natural_key(self, username):
        # "Alice" signs in as alice: a username is one name, however it is capitalised.
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


def username_for_lockouts(request, credentials=None) -> str | None:
    """The username django-axes counts failed logins against, in one case, so "Alice" and
    "alice" share one count."""
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get("username") if source else None
    return username.strip().casefold() if isinstance(username, str) else username


class User(AbstractUser):
    """A job seeker. E-mail is asked for at sign-up so a forgotten password can be reset."""

    time_zone = models.CharField(
        max_length=64,
        default=settings.TIME_ZONE,
        help_text="Deadlines, calendar events and call times are shown in this time zone.",
    )
    home_currency = models.CharField(
        max_length=3,
        blank=True,
        help_text="The currency offers in other currencies are converted into, with the rates "
        "you set. Left empty, it is the currency most of your offers use.",
    )

    number_format = models.CharField(
        max_length=16,
        default=DEFAULT_NUMBER_FORMAT,
        help_text="How you write numbers and amounts: the app reads and shows them this way.",
    )

    objects = CaseInsensitiveUserManager()

    class Meta(AbstractUser.Meta):
        constraints = [
            models.UniqueConstraint(
                Lower("username"),
                name="username_unique_ignoring_case",
                violation_error_message="A user with that username already exists.",
            )
        ]

    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    def comparison_currency(self, offer_currencies) -> str:
        """The home currency: the one chosen, else the one most of ``offer_currencies`` use
        (the currencies of the user's offers, loaded by the caller), else the currency of the
        country of their number format."""
        return self.home_currency or most_used_currency(
            offer_currencies, default=local_currency(self.number_format)
        )

    def recent_currencies(self, limit: int = 5) -> list[str]:
        """The currencies of the user's offers, the most recently added first."""
        return list(
            self.offers.values("currency")
            .annotate(last_added=models.Max("created"))
            .order_by("-last_added", "currency")
            .values_list("currency", flat=True)[:limit]
        )


class PendingSignup(models.Model):
    """A sign-up waiting for the owner of its e-mail address to open the link sent there.

    The account is created only then, so an address can be claimed only by whoever reads its
    mail. The password is kept hashed, as on ``User``. ``manage.py expire_records`` removes
    pending sign-ups once their link has expired.
    """

    username = models.CharField(max_length=150)
    email = models.EmailField()
    password = models.CharField(max_length=128)
    time_zone = models.CharField(max_length=64, default=settings.TIME_ZONE)
    number_format = models.CharField(max_length=16, default=DEFAULT_NUMBER_FORMAT)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.username} (not yet confirmed)"


class PendingImport(models.Model):
    """An export file, checked, waiting for its owner to confirm the import on the preview page.

    ``manage.py expire_records`` removes those left unconfirmed for a day.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_imports"
    )
    data = models.JSONField()
    counts = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"import for {self.owner} from {self.created_at:%Y-%m-%d %H:%M}"


def get_pending_import_for_user(user, pk) -> PendingImport:
    return get_object_or_404(PendingImport, pk=pk, owner=user)


class DataChange(models.Model):
    """A transaction that changed a user's data: one row per user and transaction.

    PostgreSQL writes them, not Django: a trigger on every table that holds a user's data adds the
    row in the write's own transaction (crossroads/migrations/0007_data_changes.py), so a queryset
    ``update()``, a cascade or a bulk insert counts too. The row becomes visible when the write
    does, at commit, and no two transactions ever wait for each other over it: each adds a row of
    its own. ``version_for`` sums them up; pages kept in the cache are keyed by it
    (crossroads/kept.py), so no write is ever followed by a page from before it.

    ``user_id`` is a plain number, not a foreign key: the triggers add rows while a deleted
    account's rows go, and the account's own trigger removes them last. ``prune`` (from
    ``manage.py expire_records``) keeps only each user's newest.
    """

    user_id = models.BigIntegerField()
    transaction = models.BigIntegerField()  # PostgreSQL's id of the transaction
    writes = models.BigIntegerField(default=1)  # rows it wrote: moves within one transaction too

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user_id", "transaction"], name="one_data_change_per_transaction"
            )
        ]

    def __str__(self):
        return f"user {self.user_id}: transaction {self.transaction}"

    @classmethod
    def version_for(cls, user) -> str:
        """How many changes, the newest, and how many rows they wrote: any write to the user's
        data changes it once committed (or at once, inside the writing transaction), and pruning
        never brings back an earlier value (the newest stays; the count falls to one only once
        there were more)."""
        found = cls.objects.filter(user_id=user.pk).aggregate(
            count=models.Count("pk"), newest=models.Max("transaction"), writes=models.Sum("writes")
        )
        return f"{found['count']}.{found['newest']}.{found['writes']}"

    @classmethod
    def prune(cls) -> int:
        """Keep only each user's newest change; the number removed."""
        newer = cls.objects.filter(
            user_id=models.OuterRef("user_id"), transaction__gt=models.OuterRef("transaction")
        )
        return cls.objects.filter(models.Exists(newer)).delete()[0]
