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
from .questionnaire import QuestionnaireQuestion, QuestionnaireSection, QuestionnaireVersion
from .reports import (
    Instrument,
    NationalReportFile,
    NationalReportIndexPage,
    NationalReportPage,
    ReportKind,
)
from .submissions import ReportSubmission

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
    "QuestionnaireQuestion",
    "QuestionnaireSection",
    "QuestionnaireVersion",
    "ReportKind",
    "ReportSubmission",
    "ReportingCycle",
    "WorldOverviewPage",
]
