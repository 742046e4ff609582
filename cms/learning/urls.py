from django.urls import include, path

from . import views

urlpatterns = [
    path("verify/<str:code>/", views.verify, name="learning-certificate-verify"),
    path("<str:code>.pdf", views.certificate_pdf, name="learning-certificate-pdf"),
]

# Certificates are verified and downloaded at the site root (LearningConfig.site_urlpatterns).
site_urlpatterns = [path("certificates/", include(urlpatterns))]
