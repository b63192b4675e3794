"""The command line, the kiosk and the doctor: thin adapters over the stages.

Enters: arguments, a kiosk settings file, the environment.
Leaves: exit codes, one-line errors, printed results; every stage is wired
here and nowhere else.
"""
