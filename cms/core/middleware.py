from django.middleware.locale import LocaleMiddleware


class PrefixedLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its 404-to-/en/ redirect outside the page tree.

    Pages live under a language prefix and are served by Wagtail's catch-all route, so every
    path looks valid with a prefix; an API or admin 404 must stay a 404, not a redirect.
    """

    UNPREFIXED_PATHS = (
        "/api/",
        "/admin/",
        "/documents/",
        "/i18n/",
        "/static/",
        "/media/",
        "/certificates/",
    )

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
