"""Helpers for the keep-going tests: a second owner in the same database."""

from __future__ import annotations
