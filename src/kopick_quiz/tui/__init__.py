"""The Textual app students see: home, quiz chat, results."""
