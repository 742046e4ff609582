from .best_practices import (
    BestPracticeMosaicModule,
    BestPracticePage,
    BestPracticeRelatedPage,
    BestPracticeThematicArea,
)
from .cycles import ReportingCycle
from .documentation import DocumentationFile, DocumentationPage, DocumentSymbol
from .extraction import DocumentText
from .overview import WorldOverviewPage
from .profiles import CountryProfileSection
from .reports import (
    Instrument,
    NationalReportFile,
    NationalReportIndexPage,
    NationalReportPage,
)

__all__ = [
    "BestPracticeMosaicModule",
    "BestPracticePage",
    "BestPracticeRelatedPage",
    "BestPracticeThematicArea",
    "CountryProfileSection",
    "DocumentSymbol",
    "DocumentationFile",
    "DocumentText",
    "DocumentationPage",
    "Instrument",
    "NationalReportFile",
    "NationalReportIndexPage",
    "NationalReportPage",
    "ReportingCycle",
    "WorldOverviewPage",
]
