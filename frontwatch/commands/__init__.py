"""CLI commands kept in modules of their own, registered on ``frontwatch.cli.cli``.

The modules here reuse the CLI's option decorators, and ``frontwatch.cli``
imports them at its end to register them. Importing the CLI first (below) keeps
that order whichever module is imported first, so there is no import cycle.
"""

from __future__ import annotations

import frontwatch.cli  # noqa: F401  (loads the CLI, which imports and registers the commands)
