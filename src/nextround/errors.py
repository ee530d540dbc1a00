"""The one base class for mistakes a user can cause and fix.

Anything deriving from UserError is shown as a single line with a non-zero exit (CLI) or a JSON error
(web), never as a traceback. Kept free of heavy imports so every layer can use it.
"""


class UserError(Exception):
    """A problem with what the user asked for: unknown id, bad date, malformed file."""
