"""Saving a need or a resource rematches only what it touches, and that equals a rebuild."""

from datetime import date

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistance import tasks
from assistance.matching import service
from assistance.models import Match, Need, Resource
from cms.outbox.models import OutboxMessage

from .conftest import committed, make_need, make_resource

pytestmark = pytest.mark.django_db

THEMES = ["marking", "record-keeping", "stockpile-management", "tracing"]
FORMS = ["financial", "training", "equipment"]
COUNTRIES = ["KE", "NE", "JM", "FJ", "LR"]


def test_saving_a_need_rematches_it_after_commit(eager_tasks):
    with committed():
        target = make_need(country="KE", themes=["marking"], amount=50_000)
        resource = make_resource(themes=["marking"], cap=60_000)
        assert not Match.objects.filter(need=target).exists()  # not before the commit
    assert list(Match.objects.filter(need=target).values_list("resource_key", flat=True)) == [
        str(resource.pk)
    ]
    assert not OutboxMessage.objects.pending().filter(key=f"need:{target.pk}").exists()


def test_a_funded_need_loses_its_proposals(eager_tasks):
    with committed():
        target = make_need(themes=["marking"], amount=50_000)
        make_resource(themes=["marking"], cap=60_000)
    assert Match.objects.filter(need=target).exists()
    with committed():
        target.status = Need.Status.FUNDED
        target.save()
    assert not Match.objects.filter(need=target).exists()


def test_a_decision_on_a_match_survives_rematching(eager_tasks, secretariat):
    with committed():
        target = make_need(themes=["marking"], amount=50_000)
        resource = make_resource(themes=["marking"], cap=60_000)
    match = Match.objects.get(need=target)
    match.change_status(Match.Status.UNDER_DISCUSSION, secretariat)
    with committed():
        resource.grant_cap = 10_000  # now too small: the engine no longer proposes it
        resource.save()
    match.refresh_from_db()
    assert match.status == Match.Status.UNDER_DISCUSSION
    assert not match.is_current


def test_deleting_a_resource_rematches_its_needs(eager_tasks):
    with committed():
        target = make_need(themes=["marking"], amount=50_000)
        first = make_resource(themes=["marking"], cap=60_000, title="first")
        second = make_resource(themes=["marking"], cap=500_000, title="second")
    assert Match.objects.filter(need=target).count() == 2
    with committed():
        first.delete()
    assert list(Match.objects.filter(need=target).values_list("resource_key", flat=True)) == [
        str(second.pk)
    ]


def test_the_chunked_rebuild_gives_what_the_incremental_path_gave(eager_tasks):
    with committed():
        for n in range(6):
            make_need(themes=THEMES[n % 3 : n % 3 + 2], amount=40_000 + 30_000 * n)
        for n in range(4):
            make_resource(themes=THEMES[n : n + 2], cap=100_000 * (n + 1), title=f"r{n}")
    incremental = service.snapshot()
    Match.objects.all().delete()
    tasks.start_rebuild(chunk_size=3)
    assert service.snapshot() == incremental


operation = st.one_of(
    st.tuples(
        st.just("need"),
        st.sampled_from(COUNTRIES),
        st.lists(st.sampled_from(THEMES), min_size=1, max_size=2, unique=True),
        st.lists(st.sampled_from(FORMS), min_size=1, max_size=2, unique=True),
        st.integers(10, 600).map(lambda k: k * 1000),
    ),
    st.tuples(
        st.just("resource"),
        st.lists(st.sampled_from(THEMES), min_size=1, max_size=3, unique=True),
        st.lists(st.sampled_from(FORMS), min_size=1, max_size=2, unique=True),
        st.integers(20, 400).map(lambda k: k * 1000),
        st.booleans(),
    ),
    st.tuples(st.just("edit-need"), st.integers(0, 20), st.integers(10, 600)),
    st.tuples(st.just("withdraw-need"), st.integers(0, 20)),
    st.tuples(st.just("edit-resource"), st.integers(0, 20), st.integers(20, 400)),
    st.tuples(st.just("close-resource"), st.integers(0, 20)),
    st.tuples(st.just("delete-need"), st.integers(0, 20)),
    st.tuples(st.just("delete-resource"), st.integers(0, 20)),
)


def apply(step, needs, resources):
    kind = step[0]
    if kind == "need":
        _k, country, themes, forms, amount = step
        needs.append(make_need(country=country, themes=themes, forms=forms, amount=amount))
    elif kind == "resource":
        _k, themes, forms, cap, is_global = step
        resources.append(
            make_resource(
                themes=themes,
                forms=forms,
                cap=cap,
                is_global=is_global,
                regions=[] if is_global else ["002"],
                rolling=False,
                # Decided as it closes: in time for needs starting on 1 March 2027.
                opens=date(2026, 10, 1),
                closes=date(2027, 2, 15),
            )
        )
    elif kind.endswith("need") and needs:
        target = needs[step[1] % len(needs)]
        if kind == "edit-need":
            target.amount = step[2] * 1000
            target.save()
        elif kind == "withdraw-need":
            target.status = Need.Status.WITHDRAWN
            target.save()
        else:
            needs.remove(target)
            target.delete()
    elif kind.endswith("resource") and resources:
        target = resources[step[1] % len(resources)]
        if kind == "edit-resource":
            target.grant_cap = step[2] * 1000
            target.save()
        elif kind == "close-resource":
            target.status = Resource.Status.CLOSED
            target.save()
        else:
            resources.remove(target)
            target.delete()


@given(steps=st.lists(operation, min_size=1, max_size=12))
@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_incremental_rematching_always_equals_a_full_rebuild(eager_tasks, steps):
    with transaction.atomic():
        needs, resources = [], []
        for step in steps:
            with committed():
                apply(step, needs, resources)
        incremental = service.snapshot()
        service.rebuild_all()
        assert service.snapshot() == incremental
        transaction.set_rollback(True)
