"""The import services: they write what the parsers read, all of it or nothing."""
