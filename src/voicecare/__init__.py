"""voicecare: an offline voice triage assistant for caregivers.

The packages follow the path an utterance takes:
``speech_in`` (sound to words) -> ``understanding`` (words to a triage
decision) -> ``conversation`` (decision to turns) -> ``speech_out`` (turns to
sound). ``model_store`` keeps the speech models, ``app`` is the command line,
kiosk and doctor. Shared by all: ``domain`` (the data types), ``interfaces``
(the engine protocols), ``intents`` (loading the language and topic data),
``errors``, and ``testing`` (fakes for missing hardware).
"""

__version__ = "0.1.0"
