from django.core.management.base import BaseCommand, CommandError

from cms.core.languages import UN_LANGUAGE_CODES
from search.backends import SearchBackendUnavailable
from search.evaluation import judged, runner
from search.service import backend


class Command(BaseCommand):
    help = (
        "Run the judged queries of search/evaluation/judgements.yaml through the search service "
        "(anonymously, as the API does) and report reciprocal rank and nDCG@10 per query, and "
        "MRR and nDCG@10 per language and overall."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale", choices=UN_LANGUAGE_CODES, help="Only the queries of this language."
        )
        parser.add_argument(
            "--verbose", action="store_true", help="Show each query's first hits, judged or not."
        )

    def handle(self, *args, **options):
        try:
            queries = judged.load(languages=[options["locale"]] if options["locale"] else None)
            results = runner.run(queries)
        except judged.JudgementError as error:
            raise CommandError(str(error)) from error
        except SearchBackendUnavailable as error:
            raise CommandError(f"The search backend cannot be reached: {error}") from error

        self.stdout.write(f"Backend: {backend().name}, {len(results)} judged queries")
        self.stdout.write(f"{'language':<9}{'RR':>6}{'nDCG@10':>9}{'R@10':>6}  query")
        for result in results:
            self.stdout.write(
                f"{result.language:<9}{result.reciprocal_rank:>6.2f}{result.ndcg:>9.2f}"
                f"{result.recall:>6.2f}  {result.text}"
            )
            if options["verbose"]:
                self.write_hits(result)

        self.stdout.write("")
        self.stdout.write(f"{'language':<9}{'queries':>8}{'MRR':>7}{'nDCG@10':>9}{'R@10':>7}")
        for name, figures in runner.summary(results).items():
            self.stdout.write(
                f"{name:<9}{figures['queries']:>8}{figures['mrr']:>7.3f}"
                f"{figures['ndcg']:>9.3f}{figures['recall']:>7.3f}"
            )

    def write_hits(self, result):
        for rank, (key, title) in enumerate(
            zip(result.ranked[: runner.CUTOFF], result.titles, strict=False), start=1
        ):
            grade = result.judgements.get(key)
            marker = f"[{grade}]" if grade else "   "
            self.stdout.write(f"{'':>9}{rank:>3}. {marker} {title[:70]}  ({key})")
        missing = [key for key in result.judgements if key not in result.ranked[: runner.CUTOFF]]
        for key in missing:
            where = result.ranked.index(key) + 1 if key in result.ranked else "not found"
            self.stdout.write(f"{'':>14}missed [{result.judgements[key]}] {key} (rank: {where})")
