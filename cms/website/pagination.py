"""Links to the pages of search results, in plain query strings (no JavaScript needed)."""

from dataclasses import dataclass
from math import ceil

# Pages listed either side of the current one; the first and last are always listed.
AROUND = 2


@dataclass
class PageLink:
    number: int
    url: str
    current: bool = False


@dataclass
class PageLinks:
    previous: PageLink | None
    next: PageLink | None
    numbers: list  # PageLink, or None where pages are skipped
    count: int


def link(query, number, current=False):
    query = query.copy()
    query["page"] = str(number)
    return PageLink(number, "?" + query.urlencode(), current)


def page_links(query, page, page_size, total):
    count = max(1, ceil(total / page_size))
    shown = sorted({1, count, *range(max(1, page - AROUND), min(count, page + AROUND) + 1)})
    numbers, last = [], 0
    for number in shown:
        if number - last > 1:
            numbers.append(None)
        numbers.append(link(query, number, number == page))
        last = number
    return PageLinks(
        previous=link(query, page - 1) if page > 1 else None,
        next=link(query, page + 1) if page < count else None,
        numbers=numbers,
        count=count,
    )
