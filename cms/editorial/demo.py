"""Demo set-up of the editorial workflow: the role groups' permissions on the demo trees."""

from .provisioning import provision


def load(stdout=None):
    workflow = provision()
    if stdout is not None:
        stdout.write(f"editorial: workflow '{workflow.name}' on every locale tree")
