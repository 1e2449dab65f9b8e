"""Between the screens and the core: each of the app's jobs has its own small home here.

The app (`tui/app.py`) is the wiring: it owns the threads (the load worker, the history) and
turns each screen's messages into calls on these flows. A flow holds the state of its job and
talks to the core (session, classroom, chat) and to the history; screens only show and ask.

- `quiz.QuizFlow`: a plan becomes questions, a session, the quiz screen; answers go into the
  history; the results at the end.
- `classroom.ClassFlow`: joining a class (from the join screen or `play --class`), its
  welcome, disputes ("I was right"), and leaving it.
- `live.LiveFlow`: a live class's student: the host's game read a few times a second, each
  answer graded here and recorded.
- `bot.Bot`: the `?` questions to the bot, one conversation that follows the quiz.
- `settings.SettingsFlow`: this machine's settings and the player's own (from the store), in
  the home screen's form and the theme, saved back when they change.
"""
