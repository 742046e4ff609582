from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class TextExtractionPanel(Panel):
    """Whether the text of each submitted file could be read, and if not, why."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Text extraction"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "library/panels/text_extraction.html"

        def get_context_data(self, parent_context=None):
            from .models import DocumentText

            context = super().get_context_data(parent_context)
            files = list(self.instance.files.all()) if self.instance.pk else []
            records = {
                record.document_id: record
                for record in DocumentText.objects.filter(
                    document_id__in=[item.document_id for item in files]
                )
            }
            context["rows"] = [(item, records.get(item.document_id)) for item in files]
            return context
