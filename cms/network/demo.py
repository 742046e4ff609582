"""Demo content of the network: members, questions and answers in several languages, and
points of contact. Idempotent: members are found by username, questions by title, contacts
by country, organisation and name. Contacts and members are checked as the admin checks them,
so the demo never holds a national point of contact of a territory."""

from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cms.accounts.models import UserProfile
from cms.core.demo import save_if_changed
from cms.core.models import Country, ThematicArea

from .models import Answer, Follow, MemberProfile, PointOfContact, Question

DEMO_FILE = Path(__file__).parent / "data" / "demo.yaml"


def checked(record, where, exclude=None):
    """Validate a record as the admin does; a problem stops the load naming the entry and
    the field (all or nothing)."""
    try:
        record.full_clean(exclude=exclude)
    except ValidationError as error:
        problems = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
        raise ValueError(f"{DEMO_FILE.name}, {where}: {problems}") from None


def ensure_member(spec):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=spec["username"], defaults={"email": f"{spec['username']}@example.org"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    UserProfile.objects.update_or_create(
        user=user, defaults={"preferred_language": spec["preferred_language"]}
    )
    profile = MemberProfile.objects.filter(user=user).first() or MemberProfile(user=user)
    details = {
        "status": MemberProfile.Status.ACTIVE,
        "display_name": spec["display_name"],
        "role": spec["role"],
        "instrument": spec.get("instrument", ""),
        "country": Country.objects.by_code(spec["country"]),
        "organisation": spec["organisation"],
        "languages": spec["languages"],
        "approved_posts": 10,
    }
    if profile.pk is None:  # a member joins once; loading the demo again keeps the date
        details["joined_at"] = timezone.now()
    for name, value in details.items():
        setattr(profile, name, value)
    checked(profile, f"members, entry {spec['username']}", exclude=["user"])
    save_if_changed(profile)
    profile.expertise.set([ThematicArea.objects.by_code(code) for code in spec["expertise"]])
    return user


def ensure_question(spec, users):
    question = Question.objects.filter(title=spec["title"]).first()
    if question is not None:
        return 0
    question = Question.objects.create(
        author=users[spec["author"]],
        title=spec["title"],
        body=spec["body"].strip(),
        theme=ThematicArea.objects.by_code(spec["theme"]),
        language=spec["language"],
        country=Country.objects.by_code(spec["country"]) if spec.get("country") else None,
    )
    Follow.objects.get_or_create(user=question.author, question=question)
    for answer_spec in spec.get("answers", []):
        answer = Answer.objects.create(
            author=users[answer_spec["author"]], question=question, body=answer_spec["body"].strip()
        )
        if answer_spec.get("accepted"):
            question.accepted_answer = answer
            question.save(update_fields=["accepted_answer"])
    return 1


def ensure_contact(number, entry):
    """Create or update a directory entry; 1 if created."""
    identity = {
        "country": Country.objects.by_code(entry["country"]),
        "organisation": entry["organisation"],
        "name": entry["name"],
    }
    contact = PointOfContact.objects.filter(**identity).first()
    created = contact is None
    contact = contact or PointOfContact(**identity)
    for key in ("instrument", "scope", "role_title", "email", "telephone"):
        setattr(contact, key, entry.get(key, ""))
    checked(contact, f"contacts, entry {number}")
    save_if_changed(contact)
    return int(created)


@transaction.atomic
def load(stdout=None):
    spec = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
    users = {member["username"]: ensure_member(member) for member in spec["members"]}
    questions = sum(ensure_question(question, users) for question in spec["questions"])
    contacts = sum(
        ensure_contact(number, entry) for number, entry in enumerate(spec["contacts"], start=1)
    )
    if stdout is not None:
        stdout.write(
            f"network: {len(users)} members, {questions} questions and "
            f"{contacts} points of contact created"
        )
