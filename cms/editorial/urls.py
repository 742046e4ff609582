from django.urls import path

from . import views

app_name = "editorial"
urlpatterns = [
    path(
        "translations/<int:translation_id>/submit/",
        views.submit_translation,
        name="submit_translation",
    ),
]
