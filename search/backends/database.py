"""The embedded search backend: the site's own database."""

from django.db import DatabaseError, connection


class DatabaseBackend:
    name = "database"

    def __init__(self, **options):
        self.options = options

    def is_available(self):
        try:
            connection.ensure_connection()
        except DatabaseError:
            return False
        return True
