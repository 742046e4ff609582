"""IATI code lists a project names: its DAC 5-digit sector and its reporting organisation's
type. Only the codes this system's projects use, with the code lists' names (OECD DAC CRS
purpose codes, IATI sector vocabulary 1; IATI OrganisationType, standard 2.03)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DacSector(models.TextChoices):
    SALW_CONTROL = "15240", _("15240 Reintegration and SALW control")
    SECURITY_SYSTEM = "15210", _("15210 Security system management and reform")
    PEACE_BUILDING = "15220", _("15220 Civilian peace-building, conflict prevention and resolution")
    LAND_MINES = "15250", _("15250 Removal of land mines and explosive remnants of war")
    CHILD_SOLDIERS = "15261", _("15261 Child soldiers (prevention and demobilisation)")
    LEGAL_JUDICIAL = "15130", _("15130 Legal and judicial development")
    POLICE = "15132", _("15132 Police")
    GOVERNMENT_ADMINISTRATION = "15140", _("15140 Government administration")
    VIOLENCE_AGAINST_WOMEN = "15180", _("15180 Ending violence against women and girls")
    STATISTICS = "15196", _("15196 Government and civil society statistics and data")
    ICT = "22040", _("22040 Information and communication technology (ICT)")


class IatiOrganisationType(models.TextChoices):
    GOVERNMENT = "10", _("10 Government")
    LOCAL_GOVERNMENT = "11", _("11 Local Government")
    OTHER_PUBLIC_SECTOR = "15", _("15 Other Public Sector")
    INTERNATIONAL_NGO = "21", _("21 International NGO")
    NATIONAL_NGO = "22", _("22 National NGO")
    REGIONAL_NGO = "23", _("23 Regional NGO")
    PARTNER_COUNTRY_NGO = "24", _("24 Partner Country based NGO")
    PUBLIC_PRIVATE_PARTNERSHIP = "30", _("30 Public Private Partnership")
    MULTILATERAL = "40", _("40 Multilateral")
    FOUNDATION = "60", _("60 Foundation")
    PRIVATE_SECTOR = "70", _("70 Private Sector")
    PRIVATE_PROVIDER_COUNTRY = "71", _("71 Private Sector in Provider Country")
    PRIVATE_RECIPIENT_COUNTRY = "72", _("72 Private Sector in Aid Recipient Country")
    PRIVATE_THIRD_COUNTRY = "73", _("73 Private Sector in Third Country")
    ACADEMIC = "80", _("80 Academic, Training and Research")
    OTHER = "90", _("90 Other")
