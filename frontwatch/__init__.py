"""frontwatch: conflict news reports in, ACLED-style events out (offline)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("frontwatch")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
