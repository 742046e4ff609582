from django.urls import path

from . import views

urlpatterns = [
    path("verify/<str:code>/", views.verify, name="learning-certificate-verify"),
    path("<str:code>.pdf", views.certificate_pdf, name="learning-certificate-pdf"),
]
