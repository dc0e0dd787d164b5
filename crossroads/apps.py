from django.apps import AppConfig


class CrossroadsConfig(AppConfig):
    name = "crossroads"
    verbose_name = "Crossroads accounts"
