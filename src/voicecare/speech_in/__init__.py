"""Speech in: sound to words.

Enters: audio (a live microphone, or WAV files of any common format).
Leaves: transcripts (final and partial, with alternatives and confidence), and
the moment an utterance ends.

``audio`` reads and resamples, ``devices`` opens the microphone, ``echo``
silences voicecare's own voice, ``frontend`` cleans noise, ``stt`` runs Vosk or
PocketSphinx behind one streaming interface (``lm``/``lmmix`` build the
language model PocketSphinx listens with), ``turns`` tells when a turn
starts and ends, ``findings`` turns readings into findings, ``confidence``
weighs signs by the recogniser's word posteriors, and ``pipeline``
streams a turn through the recogniser and watches partials so an emergency is
acted on as it is said.
Nothing here knows a symptom; it asks ``understanding.assistant``.
"""
