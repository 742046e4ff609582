"""E-mails of the network, written in the recipient's preferred language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from cms.core.languages import preferred_language
from cms.core.models import ThematicArea


def question_url(question):
    return settings.POAISS_NETWORK["QUESTION_URL"].format(
        base=settings.WAGTAILADMIN_BASE_URL.rstrip("/"), id=question.pk
    )


def send(user, subject, template, context):
    with translation.override(preferred_language(user)):
        context = {**context, "recipient": user}
        body = render_to_string(template, context)
        send_mail(str(subject), body, None, [user.email], fail_silently=False)


def send_new_post(user, post):
    question = post.question
    with translation.override(preferred_language(user)):
        subject = _("New reply to “%(title)s”") % {"title": question.title}
    send(
        user,
        subject,
        "network/email/new_post.txt",
        {"post": post, "question": question, "url": question_url(question)},
    )


def send_digest(user, frequency, start, end, questions, answers):
    language = preferred_language(user)
    theme_names = ThematicArea.objects.names(language)
    with translation.override(language):
        if frequency == "daily":
            subject = _("Small Arms Advisory Network: your daily digest")
        else:
            subject = _("Small Arms Advisory Network: your weekly digest")
    send(
        user,
        subject,
        "network/email/digest.txt",
        {
            "start": start,
            "end": end,
            "questions": [
                (question, theme_names.get(question.theme.code, ""), question_url(question))
                for question in questions
            ],
            "answers": [(answer, question_url(answer.question)) for answer in answers],
        },
    )
