#!/usr/bin/env bash
# Redraw the README pictures from a real export: LibreOffice prints the workbook to PDF,
# pdftoppm turns two of its pages into cropped PNGs (page 1: « Synthèse »; page 14: the
# first page of « Graphiques »). Needs soffice (libreoffice-calc-nogui) and pdftoppm
# (poppler-utils). Check the crops by eye after a layout change.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
spapser export 2015 --data-dir data -o "$work/bilan-2015.xlsx" >/dev/null
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --convert-to pdf --outdir "$work" "$work/bilan-2015.xlsx" >/dev/null
# Columns Action to Provenance, header and the first 23 indicators, at 150 dpi.
pdftoppm -r 150 -f 1 -l 1 -x 156 -y 62 -W 1256 -H 748 -png -singlefile \
    "$work/bilan-2015.pdf" docs/images/summary
# The chart of paper-recycled-share with its target, at 200 dpi.
pdftoppm -r 200 -f 14 -l 14 -x 1280 -y 744 -W 922 -H 524 -png -singlefile \
    "$work/bilan-2015.pdf" docs/images/chart
ls -l docs/images/summary.png docs/images/chart.png
