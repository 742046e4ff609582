from .pages import HomePage, SectionPage
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
    "HomePage",
    "MosaicModule",
    "OrganisationType",
    "Region",
    "SectionPage",
    "ThematicArea",
]
