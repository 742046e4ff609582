"""The national report questionnaire: its templates, the answers a report holds, filing.

- `loader`: read a version of the template from its data file into the database.
- `answers`: check and clean the answers a report is given, carry them over, compare them.
- `legacy`: read the free-text sections of reports written before the questionnaire.
- `filing`: submit, lock, reopen and start a report from the State's previous one.
"""
