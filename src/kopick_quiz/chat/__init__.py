"""Free-text questions answered from the fact base, offline, each answer naming its source.

    conversation = Conversation(base)
    reply = conversation.ask("Who directed The Medium?")
    reply.text      # "The Medium (2021) was directed by Banjong Pisanthanakun."
    reply.sources   # ("Ko-pick: International Co-productions Between Korea and Overseas",)
    reply.kind      # "answer", "clarify" (several names fit: it asks which) or "unknown"
    conversation.ask("and who produced it?")   # follow-ups use the film or person last named

    conversation.focus("the-medium", ("thaad-crisis",))   # the quiz question on screen
    conversation.ask("what was the crisis?")   # "the crisis", "the ban", "that film" point back

What no intent covers is looked up in the base's own sentences (`retrieval`: SQLite FTS5, BM25,
boosted by the names in the question); below a threshold the reply says what it does not know
and offers the nearest sentence. `Reply.cited()` is the text with a last `Source: ...` line,
for shells that print one string. The indexes are built once per `FactBase` (on the first
question) and shared; `Conversation(base, index_dir=cache_dir)` keeps the sentence index
beside the compiled cache, built once per content hash.
"""

from .conversation import Conversation, answer_question
from .reply import Reply

__all__ = ["Conversation", "Reply", "answer_question"]
