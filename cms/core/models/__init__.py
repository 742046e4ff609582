from .pages import HomePage, SectionPage
from .preview import HeadlessPreview, HeadlessPreviewMixin
from .taxonomy import (
    AssistanceForm,
    Country,
    CountryGroup,
    MosaicModule,
    OrganisationType,
    Region,
    ThematicArea,
)

__all__ = [
    "AssistanceForm",
    "Country",
    "CountryGroup",
    "HeadlessPreview",
    "HeadlessPreviewMixin",
    "HomePage",
    "MosaicModule",
    "OrganisationType",
    "Region",
    "SectionPage",
    "ThematicArea",
]
