"""The Elasticsearch backend: an index per UN language, behind an alias."""

from elasticsearch import Elasticsearch
from elasticsearch.exceptions import TransportError  # connection failures included


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, URL, INDEX_PREFIX="poaiss", **options):
        self.url = URL
        self.index_prefix = INDEX_PREFIX
        self.options = options
        self.client = Elasticsearch(URL, request_timeout=options.get("TIMEOUT", 10))

    def alias_name(self, language_code):
        return f"{self.index_prefix}-{language_code}"

    def is_available(self):
        try:
            return bool(self.client.ping())
        except TransportError:
            return False
