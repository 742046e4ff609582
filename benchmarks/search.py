"""Search latency on a large index: the database backend, SQLite FTS5 and PostgreSQL.

    .venv/bin/python benchmarks/search.py [--items 50000] [--repeat 100]

Builds a throw-away database per engine (SQLite always; PostgreSQL too when DATABASE_URL
names a PostgreSQL server, on which a temporary database is created and dropped), fills the
search index with synthetic documents in the six languages (titles and bodies drawn from
the vocabulary of the field, kinds, themes, countries, regions, years, some members-only or
secretariat-only), then times a fixed mix of queries through the search service, as an
anonymous API request makes them (count, first page of 20, facets, snippets), and prints
p50/p95/p99 latency per kind of query.

The index rows are bulk-inserted and each document's full-text entry is written by the
backend's own writer, so building 50,000 documents takes a minute, not the quarter of an
hour document-by-document indexing would.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]

# Phrases of the field per language; documents are random runs of them.
VOCABULARY = {
    "en": "small arms and light weapons|marking at manufacture|record-keeping|tracing requests|"
    "stockpile management|destruction of surplus weapons|ammunition storage|border control|"
    "national point of contact|national commission|firearms law|import and export licences|"
    "illicit trade|international assistance|capacity-building|training of police officers|"
    "civil society|gender and children|public awareness|end-user certificates|brokering|"
    "weapons collection|disarmament, demobilization and reintegration|regional cooperation|"
    "customs officials|electronic register|laser engraving|serial number|country of import|"
    "physical security|armed violence reduction|sustainable development goals",
    "fr": "armes légères et de petit calibre|marquage lors de la fabrication|tenue des registres|"
    "demandes de traçage|gestion des stocks|destruction des armes excédentaires|"
    "stockage des munitions|contrôle des frontières|point de contact national|"
    "commission nationale|législation sur les armes à feu|licences d'importation et "
    "d'exportation|commerce illicite|assistance internationale|renforcement des capacités|"
    "formation des policiers|société civile|genre et enfants|sensibilisation du public|"
    "certificats d'utilisateur final|courtage|collecte des armes|coopération régionale|"
    "agents des douanes|registre électronique|gravure au laser|numéro de série|pays "
    "d'importation|sécurité physique|réduction de la violence armée",
    "es": "armas pequeñas y armas ligeras|marcado en la fabricación|mantenimiento de registros|"
    "solicitudes de localización|gestión de arsenales|destrucción de armas excedentes|"
    "almacenamiento de municiones|control fronterizo|punto de contacto nacional|"
    "comisión nacional|ley de armas de fuego|licencias de importación y exportación|"
    "tráfico ilícito|asistencia internacional|creación de capacidad|formación de policías|"
    "sociedad civil|género e infancia|sensibilización pública|certificados de usuario final|"
    "intermediación|recogida de armas|cooperación regional|funcionarios de aduanas|"
    "registro electrónico|grabado láser|número de serie|país de importación|seguridad física|"
    "reducción de la violencia armada",
    "ru": "стрелковое оружие и легкие вооружения|маркировка при изготовлении|ведение учёта|"
    "запросы об отслеживании|управление запасами|уничтожение излишков оружия|"
    "хранение боеприпасов|пограничный контроль|национальный координационный центр|"
    "национальная комиссия|закон об огнестрельном оружии|лицензии на импорт и экспорт|"
    "незаконная торговля|международная помощь|наращивание потенциала|подготовка полицейских|"
    "гражданское общество|гендер и дети|информирование общественности|"
    "сертификаты конечного пользователя|посредническая деятельность|сбор оружия|"
    "региональное сотрудничество|таможенные служащие|электронный реестр|лазерная гравировка|"
    "серийный номер|страна импорта|физическая безопасность|сокращение вооруженного насилия",
    "ar": "الأسلحة الصغيرة والأسلحة الخفيفة|الوسم عند الصنع|حفظ السجلات|طلبات التعقب|"
    "إدارة المخزونات|تدمير الأسلحة الفائضة|تخزين الذخيرة|مراقبة الحدود|جهة الاتصال الوطنية|"
    "اللجنة الوطنية|قانون الأسلحة النارية|تراخيص الاستيراد والتصدير|الاتجار غير المشروع|"
    "المساعدة الدولية|بناء القدرات|تدريب ضباط الشرطة|المجتمع المدني|المساواة بين الجنسين والأطفال|"
    "توعية الجمهور|شهادات المستعمل النهائي|السمسرة|جمع الأسلحة|التعاون الإقليمي|موظفو الجمارك|"
    "السجل الإلكتروني|النقش بالليزر|الرقم التسلسلي|بلد الاستيراد|الأمن المادي|الحد من العنف المسلح",
    "zh-hans": "小武器和轻武器|制造时的标识|记录保存|追查请求|库存管理|"
    "销毁剩余武器|弹药储存|边境管制|国家联络点|国家委员会|枪支法|进出口许可证|"
    "非法贸易|国际援助|能力建设|警察培训|民间社会|性别与儿童|公众认识|"
    "最终用户证书|中介活动|武器收缴|区域合作|海关官员|电子登记册|激光雕刻|"
    "序列号|进口国|实物安全|减少武装暴力",
}
FILLER = {
    "en": "the State reports that|in accordance with the Programme of Action|during the period|"
    "with the support of donors|as a priority",
    "fr": "l'État indique que|conformément au Programme d'action|au cours de la période|"
    "avec l'appui des donateurs|en priorité",
    "es": "el Estado informa de que|de conformidad con el Programa de Acción|durante el período|"
    "con el apoyo de los donantes|como prioridad",
    "ru": "государство сообщает, что|в соответствии с Программой действий|в течение периода|"
    "при поддержке доноров|в приоритетном порядке",
    "ar": "تفيد الدولة بأن|وفقا لبرنامج العمل|خلال الفترة|بدعم من الجهات المانحة|على سبيل الأولوية",
    "zh-hans": "该国报告|根据《行动纲领》|在此期间|在捐助方支持下|作为优先事项",
}
KINDS = ["national_report", "documentation", "best_practice", "need", "resource", "project"]
KINDS += ["course", "lesson", "question"]
THEMES = [f"theme-{n:02}" for n in range(20)]
COUNTRIES = ["KE", "DE", "MX", "PH", "JP", "GH", "PE", "NG", "CO", "BR", "FR", "ES", "RU"]
COUNTRIES += ["EG", "CN", "IN", "ZA", "SN", "ML", "NE", "TD", "SD", "SO", "ET", "UG", "TZ"]
REGIONS = ["002", "019", "142", "150", "009"]

# The queries timed: (kind of query, {language: texts}, filters).
QUERIES = [
    ("one common word", {"en": ["marking", "weapons"], "fr": ["armes"], "ru": ["оружие"]}, {}),
    ("one word, Chinese", {"zh-hans": ["标识", "武器"]}, {}),
    ("one word, Arabic", {"ar": ["الأسلحة", "الوسم"]}, {}),
    (
        "two or three words",
        {
            "en": ["stockpile management", "tracing requests", "laser engraving serial"],
            "fr": ["gestion des stocks"],
            "es": ["mantenimiento de registros"],
            "ru": ["управление запасами"],
        },
        {},
    ),
    (
        "question (no document has every word)",
        {
            "en": ["how do customs officials trace imported pistols"],
            "fr": ["comment tracer un fusil"],
        },
        {},
    ),
    ("word + type filter", {"en": ["marking"], "es": ["armas"]}, {"kinds": ["need", "resource"]}),
    (
        "word + theme + country",
        {"en": ["training"], "fr": ["formation"]},
        {
            "themes": ["theme-03", "theme-07"],
            "countries": ["KE", "MX"],
        },
    ),
    ("word + region + year", {"en": ["assistance"]}, {"regions": ["002"], "years": [2022]}),
    ("all six languages", {"en": ["PoA", "marking"]}, {"all_languages": True}),
    ("no match (did you mean)", {"en": ["stokpile"], "fr": ["marquaje"]}, {}),
]


def sentence(rng, language, phrases, length):
    picked = [rng.choice(phrases) for _ in range(length)]
    if rng.random() < 0.5:
        picked.insert(0, rng.choice(FILLER[language].split("|")))
    separator = "，" if language == "zh-hans" else ", "
    return separator.join(picked) + ("。" if language == "zh-hans" else ".")


def documents(count, seed):
    from search.documents import MEMBERS, PUBLIC, SECRETARIAT, SearchDocument

    rng = random.Random(seed)
    vocabulary = {language: text.split("|") for language, text in VOCABULARY.items()}
    for number in range(count):
        language = LANGUAGES[number % len(LANGUAGES)]
        phrases = vocabulary[language]
        kind = rng.choice(KINDS)
        country = rng.choice(COUNTRIES)
        body = " ".join(
            sentence(rng, language, phrases, rng.randint(3, 8)) for _ in range(rng.randint(2, 10))
        )
        yield SearchDocument(
            key=f"bench:{number}",
            kind=kind,
            language=language,
            title=f"{country} " + " ".join(rng.sample(phrases, rng.randint(1, 3))),
            body=body,
            url=f"/{language}/bench/{number}/",
            visibility=rng.choices([PUBLIC, MEMBERS, SECRETARIAT], [90, 7, 3])[0],
            year=rng.randint(2005, 2026),
            themes=rng.sample(THEMES, rng.randint(1, 3)),
            countries=[country],
            regions=[rng.choice(REGIONS)],
            reference={"type": "bench", "id": number},
        )


def fill_index(count, seed):
    """Bulk rows, then each document's full-text entry through the backend's writer."""
    from dataclasses import asdict

    from django.db import connection, transaction

    from search.backends.database import MULTI_VALUED
    from search.models import IndexEntry, IndexFacet
    from search.service import backend

    fulltext = backend().fulltext
    batch = []

    def flush():
        with transaction.atomic(), connection.cursor() as cursor:
            rows = []
            for document in batch:
                fields = asdict(document)
                for attribute in MULTI_VALUED.values():
                    fields.pop(attribute)
                rows.append(IndexEntry(**fields))
            entries = IndexEntry.objects.bulk_create(rows)
            if entries[0].pk is None:  # SQLite before 3.35 returns no ids
                entries = list(IndexEntry.objects.filter(key__in=[d.key for d in batch]))
            by_key = {entry.key: entry for entry in entries}
            IndexFacet.objects.bulk_create(
                IndexFacet(entry=by_key[document.key], name=name, value=value)
                for document in batch
                for name, attribute in MULTI_VALUED.items()
                for value in getattr(document, attribute)
            )
            for document in batch:
                fulltext.write(cursor, by_key[document.key].pk, document)
        batch.clear()

    for document in documents(count, seed):
        batch.append(document)
        if len(batch) == 1000:
            flush()
    if batch:
        flush()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(repeat):
    from django.contrib.auth.models import AnonymousUser

    from search import service

    user = AnonymousUser()
    figures = {}
    for name, texts, filters in QUERIES:
        filters = dict(filters)
        all_languages = filters.pop("all_languages", False)
        runs = [(language, text) for language, items in texts.items() for text in items]
        for language, text in runs:  # warm up the caches of the database
            service.search(user, text, language, all_languages=all_languages, **filters)
        timings, hits = [], 0
        for number in range(repeat):
            language, text = runs[number % len(runs)]
            began = time.perf_counter()
            results = service.search(user, text, language, all_languages=all_languages, **filters)
            timings.append((time.perf_counter() - began) * 1000)
            hits += results.total
        figures[name] = {
            "p50": statistics.median(timings),
            "p95": percentile(timings, 0.95),
            "p99": percentile(timings, 0.99),
            "matches": hits // repeat,
        }
    return figures


def child(options):
    """One engine, in its own process (settings are read once per process)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from search.models import IndexEntry

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    if not (options.reuse and IndexEntry.objects.count() == options.items):
        IndexEntry.objects.all().delete()
        fill_index(options.items, options.seed)
    indexed = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {IndexEntry._meta.db_table}")
    figures = measure(options.repeat)
    print(
        json.dumps(
            {
                "engine": connection.vendor,
                "items": IndexEntry.objects.count(),
                "migrate_s": migrated - started,
                "index_s": indexed - migrated,
                "queries": figures,
            }
        )
    )


def environment(var_dir, database_url=None):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "POAISS_VAR_DIR": str(var_dir),
        "SECRET_KEY": "benchmark-only-secret-key-that-is-long-enough-to-pass-the-checks",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("ELASTICSEARCH_URL", None)  # the database backend is measured
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def run_engine(options, env):
    arguments = [sys.executable, __file__, "--child", "--items", str(options.items)]
    arguments += ["--repeat", str(options.repeat), "--seed", str(options.seed)]
    if options.reuse:
        arguments += ["--reuse", options.reuse]
    output = subprocess.run(arguments, cwd=ROOT, env=env, capture_output=True, text=True)
    if output.returncode:
        sys.exit(f"The benchmark failed:\n{output.stderr}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def postgres_database(url, reuse=None):
    """A temporary database on the server of DATABASE_URL: (its URL, a function dropping it).

    With `reuse`, a database of that name kept between runs (and a no-op for dropping it).
    """
    import psycopg

    parts = urlsplit(url)
    name = f"poaiss_search_bench_{reuse or uuid.uuid4().hex[:8]}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    if reuse:
        return urlunsplit(parts._replace(path=f"/{name}")), lambda: None

    def drop():
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


def report(result):
    print(
        f"\n{result['engine']}: {result['items']:,} documents indexed in "
        f"{result['index_s']:.0f} s (schema {result['migrate_s']:.0f} s)"
    )
    print(f"{'query':40} {'matches':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, figures in result["queries"].items():
        print(
            f"{name:40} {figures['matches']:>8,} {figures['p50']:8.1f} "
            f"{figures['p95']:8.1f} {figures['p99']:8.1f}"
        )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=50_000, help="documents in the index")
    parser.add_argument("--repeat", type=int, default=100, help="searches per kind of query")
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument(
        "--engine", choices=["both", "sqlite", "postgresql"], default="both", help="what to run"
    )
    parser.add_argument(
        "--reuse",
        metavar="NAME",
        help="keep the databases under this name and reuse them when they already hold "
        "--items documents (to compare changes of the query code on the same index)",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(options)
        return

    if options.engine in ("both", "sqlite"):
        if options.reuse:
            var_dir = Path(tempfile.gettempdir()) / f"poaiss-search-bench-{options.reuse}"
            var_dir.mkdir(exist_ok=True)
            report(run_engine(options, environment(var_dir)))
        else:
            with tempfile.TemporaryDirectory(prefix="poaiss-search-bench-") as var_dir:
                report(run_engine(options, environment(var_dir)))
    url = os.environ.get("DATABASE_URL", "")
    if options.engine in ("both", "postgresql"):
        if not url.startswith(("postgres://", "postgresql://")):
            sys.exit("Set DATABASE_URL to a PostgreSQL server to measure PostgreSQL.")
        database_url, drop = postgres_database(url, options.reuse)
        try:
            with tempfile.TemporaryDirectory(prefix="poaiss-search-bench-") as var_dir:
                report(run_engine(options, environment(var_dir, database_url)))
        finally:
            drop()


if __name__ == "__main__":
    main()
