from django.urls import path

from . import views

app_name = "library"

urlpatterns = [
    path("files/<int:document_id>/", views.report_file, name="report-file"),
]
