#!/usr/bin/env python
import os
import sys

# Commands that serve or change data first check that the configured services answer.
COMMANDS_NEEDING_SERVICES = {"runserver", "migrate", "load_demo", "createsuperuser"}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    from django.core.exceptions import ImproperlyConfigured

    try:
        import django

        django.setup()
        if len(sys.argv) > 1 and sys.argv[1] in COMMANDS_NEEDING_SERVICES:
            from cms.preflight import check_services

            check_services()
    except ImproperlyConfigured as error:  # one sentence, no traceback
        sys.stderr.write(f"Configuration error: {error}\n")
        sys.exit(1)

    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
