"""The assistance screens of the Wagtail admin; `assistance.wagtail_hooks` registers them.

Django's admin autodiscovery imports this package, so it imports nothing itself.
"""
