"""Speech out: text to sound that cannot take voicecare down.

Enters: messages to say (an emergency cuts in ahead of everything).
Leaves: sound on a speaker or in WAV files.

``tts_worker`` runs the synthesiser (espeak-ng via pyttsx3) in its own
process, ``tts_process`` is the parent's side (deadlines, restarts, a crash
costs one message), ``tts`` plays in small droppable blocks from one thread,
and ``sinks`` says where the sound goes.
"""
