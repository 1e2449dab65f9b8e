"""Grading: where a typed answer is judged.

`grade(question, text, lexicon)` gives a `Verdict`; `grade_lines` is the `grade` command's core.
Build one `Lexicon` per fact base (`Lexicon.from_base`) and pass it to every call.
"""

from .batch import grade_lines
from .grader import grade
from .lexicon import Lexicon
from .verdict import Verdict

__all__ = ["Lexicon", "Verdict", "grade", "grade_lines"]
