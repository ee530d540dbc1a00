"""nextround: turn a job rejection into the next round."""

__version__ = "0.1.0"
