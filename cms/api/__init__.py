"""The headless API: one router under /api/v2/ for Wagtail's endpoints and the suite's own."""
