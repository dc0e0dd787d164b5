from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """The top floor: what joins the apps (the home page, sign-up, the account page, export and
    import, the example). It may import every app; no app imports it."""

    name = "accounts"
