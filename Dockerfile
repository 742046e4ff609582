FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    PORT=8000

RUN apt-get update \
    && apt-get install --yes --no-install-recommends gettext libpq5 \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 poaiss
WORKDIR /app

COPY pyproject.toml requirements.lock README.md ./
COPY cms ./cms
COPY blocks ./blocks
COPY assistance ./assistance
COPY search ./search
RUN pip install --no-cache-dir -c requirements.lock .
COPY . .

# collectstatic needs a key only to start Django; the real one comes from the environment.
RUN SECRET_KEY=collectstatic-only-placeholder-key-that-is-long-enough-0123456789 \
    python manage.py collectstatic --noinput --verbosity 0 \
    && chown -R poaiss /app

USER poaiss
EXPOSE 8000
CMD ["sh", "-c", "gunicorn cms.wsgi:application --bind 0.0.0.0:${PORT} --workers ${GUNICORN_WORKERS:-3} --timeout ${GUNICORN_TIMEOUT:-90} --access-logfile -"]
