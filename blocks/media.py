"""Images, document links and embedded media."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.api.v2.utils import get_full_url
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.blocks import ImageChooserBlock

# The sizes an API client can pick from; `fill` crops, `max` keeps the proportions.
IMAGE_RENDITIONS = {
    "thumbnail": "fill-400x225",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}


def absolute(url, context):
    request = (context or {}).get("request")
    return get_full_url(request, url) if request is not None else url


def image_representation(image, context):
    if image is None:
        return None
    renditions = image.get_renditions(*IMAGE_RENDITIONS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": absolute(renditions[spec].url, context),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in IMAGE_RENDITIONS.items()
        },
    }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)
    credit = blocks.CharBlock(label=_("credit"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"

    def get_api_representation(self, value, context=None):
        image = value["image"]
        return {
            "image": image_representation(image, context),
            "alt_text": value["alt_text"] or (image.default_alt_text if image else ""),
            "caption": value["caption"],
            "credit": value["credit"],
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(
        label=_("link text"), required=False, help_text=_("Leave empty to use the title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blocks/document_link.html"

    def get_api_representation(self, value, context=None):
        document = value["document"]
        return {
            "document": None
            if document is None
            else {
                "id": document.pk,
                "title": document.title,
                "url": absolute(document.url, context),
                "file_extension": document.file_extension,
                "file_size": document.file_size,
            },
            "label": value["label"] or (document.title if document else ""),
        }


def cached_embed(url):
    """What Wagtail already knows about the embed; the API never fetches from a provider."""
    embed = Embed.objects.filter(hash=get_embed_hash(url)).first()
    if embed is None:
        return None
    return {
        "type": embed.type,
        "html": embed.html,
        "title": embed.title,
        "provider_name": embed.provider_name,
        "thumbnail_url": embed.thumbnail_url,
        "width": embed.width,
        "height": embed.height,
    }


class MediaEmbedBlock(blocks.StructBlock):
    url = EmbedBlock(label=_("address"), help_text=_("For example a YouTube or Vimeo address."))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Embedded media")
        template = "blocks/embed.html"

    def get_api_representation(self, value, context=None):
        url = value["url"].url if value["url"] else ""
        return {
            "url": url,
            "caption": value["caption"],
            "embed": cached_embed(url) if url else None,
        }
