#!/usr/bin/env bash
# Redraw the README pictures from a real export: LibreOffice prints the workbook to PDF,
# pdftoppm turns two of its pages into PNGs: the first page of « Synthèse » (its head block
# and first indicators) and the first page of « Graphiques ». The pages are found by the
# sheet name each page's header starts with, so a longer sheet does not shift the pictures.
# Needs soffice (libreoffice-calc-nogui), pdftoppm and pdftotext (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
spapser export 2015 --data-dir data -o "$work/bilan-2015.xlsx" >/dev/null
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --convert-to pdf --outdir "$work" "$work/bilan-2015.xlsx" >/dev/null
pdf="$work/bilan-2015.pdf"
first_page_of() {  # the first page whose header (first line) is the sheet's name
    local pages n
    pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
    for ((n = 1; n <= pages; n++)); do
        if [ "$(pdftotext -f "$n" -l "$n" "$pdf" - | head -n 1)" = "$1" ]; then
            echo "$n"; return
        fi
    done
    echo "no page for the sheet « $1 »" >&2; exit 1
}
summary="$(first_page_of "Synthèse")"
charts="$(first_page_of "Graphiques")"
# The top of the Synthèse: head block and the first indicators, at 110 dpi.
pdftoppm -r 110 -f "$summary" -l "$summary" -x 0 -y 0 -W 1286 -H 560 -png -singlefile \
    "$pdf" docs/images/summary
# The first charts (the road-materials targets, 50 % by 2017 and 60 % by 2020), at 110 dpi.
pdftoppm -r 110 -f "$charts" -l "$charts" -png -singlefile "$pdf" docs/images/chart
ls -l docs/images/summary.png docs/images/chart.png
