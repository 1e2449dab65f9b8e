"""Free-text questions answered from the fact base, offline, each answer naming its source.

    conversation = Conversation(base)
    reply = conversation.ask("Who directed The Medium?")
    reply.text      # "The Medium (2021) was directed by Banjong Pisanthanakun."
    reply.sources   # ("Ko-pick: International Co-productions Between Korea and Overseas",)
    reply.kind      # "answer", "clarify" (several names fit: it asks which) or "unknown"
    conversation.ask("and who produced it?")   # follow-ups use the film or person last named

`Reply.cited()` is the text with a last `Source: ...` line, for shells that print one string.
The indexes are built once per `FactBase` (on the first question) and shared.
"""

from .answers import Reply
from .conversation import Conversation, answer_question

__all__ = ["Conversation", "Reply", "answer_question"]
