#!/bin/sh
# Refresh the message catalogs after changing a user-facing string (needs the dev extra):
# extract the messages, merge them into the French and English catalogs, seed the French
# translations of tools/fr_messages.py, compile the .mo files the package ships.
set -e
cd "$(dirname "$0")/.."
LOCALES=src/spapser_cli/locales
pybabel extract -F babel.cfg -k Message -k N_ --no-location --sort-output --omit-header \
    -o "$LOCALES/spapser.pot" .
pybabel update -D spapser -i "$LOCALES/spapser.pot" -d "$LOCALES" \
    --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date
python tools/fr_messages.py
pybabel compile -D spapser -d "$LOCALES" --statistics
