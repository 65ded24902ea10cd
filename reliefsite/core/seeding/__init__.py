"""Load the structured seed data set (seeds/*.yaml, described in seeds/FORMAT.md)."""

from .loader import SeedLoader
from .records import SeedError

__all__ = ["SeedError", "SeedLoader"]
