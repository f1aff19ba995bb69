#!/usr/bin/env bash
# Regenerates the spreadsheet-dialect fixtures with LibreOffice headless (Calc: Debian package
# libreoffice-calc-nogui). Run from this folder. Measured with LibreOffice 7.4.7.
#
# CSV filter options (Text - txt - csv (StarCalc)), by position: 1 field separator (44 ',',
# 59 ';', 9 TAB), 2 text delimiter (34 '"'), 3 character set (76 UTF-8, 65535 UTF-16 "Unicode"),
# 4 first line, 5 cell formats, 6 language, 7 quoted field as text, 8 detect special numbers,
# 9 save as shown, 10 formulas, 11 remove spaces. LibreOffice 7.4 has no option to write a
# UTF-8 byte-order mark (the 14th token, added later, is ignored here), so the file Excel's
# "CSV UTF-8" would write is made by putting the BOM before LibreOffice's ';' export.
set -euo pipefail
profile="file:///tmp/lo-fixtures-$$"
lo() { soffice "-env:UserInstallation=$profile" --headless "$@" >/dev/null 2>&1; }
work=$(mktemp -d)
trap 'rm -rf "$work" "/tmp/lo-fixtures-$$"' EXIT
python3 make_fods.py
lo --convert-to xlsx --outdir . glossary.fods
lo --convert-to ods --outdir . deepl.fods
csv() {  # csv OUT OPTIONS SOURCE
  lo --convert-to "csv:Text - txt - csv (StarCalc):$2" --outdir "$work" "$3"
  mv "$work/$(basename "${3%.*}").csv" "$1"
}
csv glossary-comma.csv 44,34,76,1,,0,false,true,false,false,false glossary.xlsx
csv glossary-semicolon.csv 59,34,76,1,,0,false,true,false,false,false glossary.xlsx
csv glossary-tab.tsv 9,34,76,1,,0,false,true,false,false,false glossary.xlsx
csv glossary-unicode.txt 9,34,65535,1,,0,false,true,false,false,false glossary.xlsx
{ printf '\xef\xbb\xbf'; cat glossary-semicolon.csv; } > glossary-excel-utf8-bom.csv
csv deepl.tsv 9,34,76,1,,0,false,true,false,false,false deepl.ods
