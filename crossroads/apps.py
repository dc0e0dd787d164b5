from django.apps import AppConfig


class CrossroadsConfig(AppConfig):
    name = "crossroads"
    verbose_name = "Crossroads accounts"

    def ready(self):
        from crossroads import mail  # noqa: F401  registers its `check --deploy` warning
