"""Conversation: decisions to turns a caregiver can follow.

Enters: what the caregiver said each turn (text from speech in, or typed).
Leaves: what to say now (short, emergency first) and the full text/JSON.

``dialog`` holds the state (description, red-flag interview, guidance,
commands) and ``turns`` what one turn gives back, ``answers``/``answer_words`` read one answer to an interview
question, ``spoken`` decides what is said first and what waits to be asked
for, ``render`` prints the JSON contract and readable text, and ``voice``
runs spoken turns through the dialog to speech out.
"""
