"""The API toolkit: language negotiation, caching, errors, pagination, schema helpers, the
localized page endpoints and draft previews. The apps build their endpoints with it; the
project's API root (`cms.api_root`) serves them under /api/v2/."""
