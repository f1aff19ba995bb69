#!/usr/bin/env python3
"""Writes the two spreadsheets the dialect fixtures are exported from, as flat ODS (.fods):
glossary.fods (a header with ar, en, note, avoid and an extra `English` column; a note with a
line break, quotes, a comma and a semicolon) and deepl.fods (two columns, no header: DeepL's
glossary format)."""
import html

GLOSSARY = [
    ["ar", "en", "note", "avoid", "English"],
    ["جمارك دبي", "Dubai Customs", "official name\nsee dubaicustoms.gov.ae", "Customs of Dubai", "Dubai Customs"],
    ["التخليص الجمركي", "customs clearance", "WCO glossary; \"clearance\" not \"release\"", "customs release", ""],
    ["رسوم الجمارك", "customs duties", "plural, as in tariff schedules", "customs fees|custom duties", ""],
    ["المنطقة الحرة", "free zone", "", "", "free area"],
]
DEEPL = [
    ["منظمة الجمارك العالمية", "World Customs Organization"],
    ["شهادة المنشأ", "certificate of origin"],
    ["الإفراج المسبق", "pre-arrival clearance"],
]


def cell(v):
    if v == "":
        return "<table:table-cell/>"
    paras = "".join(f"<text:p>{html.escape(p)}</text:p>" for p in v.split("\n"))
    return f'<table:table-cell office:value-type="string">{paras}</table:table-cell>'


def fods(name, rows):
    body = "".join("<table:table-row>" + "".join(cell(c) for c in r) + "</table:table-row>" for r in rows)
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="{name}">{body}</table:table></office:spreadsheet></office:body>
</office:document>
'''


open("glossary.fods", "w", encoding="utf-8").write(fods("Glossary", GLOSSARY))
open("deepl.fods", "w", encoding="utf-8").write(fods("DeepL", DEEPL))
