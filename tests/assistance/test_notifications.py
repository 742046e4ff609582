from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from assistance.models import Match, Resource
from assistance.notifications import REMINDER_DAYS, send_deadline_reminders, send_donor_digests

pytestmark = pytest.mark.django_db

UNSCAR_CALL = "UNSCAR call for proposals 2027"


def test_a_call_closing_soon_reminds_the_countries_it_is_proposed_for(kenya_npc, jamaica_npc):
    kenya_npc.email = "npc@example.go.ke"
    kenya_npc.save()
    kenya_npc.poaiss_profile.preferred_language = "fr"
    kenya_npc.poaiss_profile.save()
    call = Resource.objects.get(title=UNSCAR_CALL)
    today = call.call_closes - timedelta(days=REMINDER_DAYS)

    assert send_deadline_reminders(today) == 1  # Kenya's need; Jamaica's is not proposed for it
    [message] = mail.outbox
    assert message.to == ["npc@example.go.ke"]
    assert "Safe storage of ammunition in regional depots" in message.body
    assert send_deadline_reminders(today + timedelta(days=1)) == 0


def test_each_donor_hears_of_needs_newly_proposed_for_its_resources(unscar_manager, eu_manager):
    Match.objects.update(created_at=timezone.now() - timedelta(days=30))
    Match.objects.filter(need__country__code="KE").update(created_at=timezone.now())

    assert send_donor_digests() == 1
    [message] = mail.outbox
    assert message.to == [unscar_manager.email]
    assert "Safe storage of ammunition in regional depots (KE)" in message.body
