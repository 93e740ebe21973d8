#!/bin/sh
# The screenshots of docs/officers-route.md: the example area's workbook (its Matrix sheet)
# and Word board paper, as an officer sees them, rendered by LibreOffice headless to PDF
# and by pdftoppm to PNG. Run it by hand after a change to the xlsx or docx formats, look
# at the PNGs, and commit them; the tests never make screenshots.
#
# Needs: make (for .venv), libreoffice-calc, libreoffice-writer and poppler-utils
#   apt-get install -y libreoffice-calc libreoffice-writer poppler-utils
set -eu
cd "$(dirname "$0")/../.."
make -s .venv/.installed
images=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

.venv/bin/alignkit check examples/wessex/plan.yaml examples/wessex/csps \
  --as-of 2026-11-22 --fail-on never --quiet \
  --format xlsx --output "$work/workbook.xlsx" --format docx --output "$work/paper.docx"

# A private LibreOffice profile, so a running LibreOffice (or another run) does not interfere.
for file in workbook.xlsx paper.docx; do
  libreoffice -env:UserInstallation="file://$work/profile" --headless \
    --convert-to pdf --outdir "$work" "$work/$file" >/dev/null
done

DPI=110
# The workbook: its second printed page is the Matrix sheet (landscape A4, fitted to the
# page's width); the top of it holds the matrix and the key.
pdftoppm -png -r $DPI -f 2 -l 2 -singlefile -x 60 -y 90 -W 1200 -H 340 \
  "$work/workbook.pdf" "$images/officers-workbook"
# The Word report: the first page (title, contents field, summary) and the matrix page.
pdftoppm -png -r $DPI -f 1 -l 1 -singlefile "$work/paper.pdf" "$images/officers-word-report"
pdftoppm -png -r $DPI -f 2 -l 2 -singlefile -x 0 -y 0 -W 1286 -H 560 \
  "$work/paper.pdf" "$images/officers-word-matrix"
echo "wrote $images/officers-workbook.png, officers-word-report.png, officers-word-matrix.png"
