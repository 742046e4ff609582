from .pages import HomePage, SectionPage
from .preview import HeadlessPreview, HeadlessPreviewMixin
from .taxonomy import (
    AssistanceForm,
    Country,
    CountryGroup,
    MosaicModule,
    Organisation,
    OrganisationType,
    Region,
    ThematicArea,
    UNStatus,
)

__all__ = [
    "AssistanceForm",
    "Country",
    "CountryGroup",
    "HeadlessPreview",
    "HeadlessPreviewMixin",
    "HomePage",
    "MosaicModule",
    "Organisation",
    "OrganisationType",
    "Region",
    "SectionPage",
    "ThematicArea",
    "UNStatus",
]
