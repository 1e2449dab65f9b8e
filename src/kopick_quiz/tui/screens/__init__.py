"""One screen per page: home, quiz, results, help."""
