"""kopick-quiz: learn the history of Korean international film co-productions."""

__version__ = "0.1.0"
