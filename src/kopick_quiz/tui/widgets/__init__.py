"""Small widgets, each with one job: a chat bubble, the score header, the answer input, the options."""
