#!/usr/bin/env python3
"""Writes the seed corpora in Tests/Fuzz/corpus/<target>/ (run from anywhere; small files only).

The first byte of every seed is the target's option byte (see Tests/Fuzz/Sources/FuzzTargets):
decoder = file extension, docx = how the rest is used, segmenter = text mode and options,
glossary = TSV, CSV or TBX. The Arabic text is written for these seeds.
"""
import io
import os
import shutil
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")

RELEASE = (
    "# الهيئة العامة للجمارك تطلق منصة رقمية جديدة\n"
    "أبوظبي، 29 نوفمبر 2026 - أعلنت الهيئة العامة للجمارك اليوم عن إطلاق منصة «تخليص» الرقمية. "
    "وقال د. أحمد سالم، مدير إدارة الاتصال: \"المنصة تختصر زمن التخليص إلى 3.5 ساعة\". "
    "وأضاف أن المرحلة الأولى تشمل 12 منفذاً برياً وبحرياً؟ نعم، وتبدأ في الساعة 10:30 صباحاً!\n"
    "- تسجيل الشحنات عبر www.customs.gov.ae\n"
    "1. الاستفسارات على info@customs.ae ... إلخ. وكما أشار م. خالد إلى أن النسبة بلغت ٪٤٥٫٥.\n"
)
SHORT = "بلغت قيمة الصادرات ١٢٣٫٥ مليون درهم. وارتفعت الواردات بنسبة 7%؟\n"

EXT = {"txt": 0, "md": 1, "html": 2, "htm": 3, "docx": 4, "TXT": 5, "xhtml": 6, "": 7, "pdf": 8}


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def docx(document_xml, extra=None, deflate=True):
    buf = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    parts = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "word/document.xml": document_xml}
    parts.update(extra or {})
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, text in parts.items():
            # A fixed date, so that regenerating the seeds changes no bytes.
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 29, 0, 0, 0)), text, compress_type=method)
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
          '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="List Paragraph"/></w:style></w:styles>')
BODY = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'
        '<w:p><w:pPr><w:pStyle w:val="1"/><w:bidi/></w:pPr><w:r><w:t>الجمارك تطلق </w:t></w:r><w:r><w:t>منصة جديدة</w:t></w:r></w:p>'
        '<w:p><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">قال د. أحمد: </w:t></w:r><w:r><w:tab/><w:t>«المنصة جاهزة».</w:t><w:br/></w:r>'
        '<w:r><w:t>وتبدأ في 10:30 &amp; بعدها؟</w:t></w:r><w:footnoteReference w:id="1"/></w:p>'
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>بند أول</w:t></w:r></w:p>'
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>المنفذ</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>١٢</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        '<w:sectPr/></w:body></w:document>')
FOOTNOTES = (f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {W}><w:footnote w:id="1"><w:p><w:r><w:t>المصدر: الهيئة.</w:t></w:r></w:p>'
             '</w:footnote></w:footnotes>')
HTML = ('<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title><style>p{}</style></head><body>'
        '<h1>الجمارك تطلق منصة</h1><p>قال د. أحمد&nbsp;سالم: &laquo;المنصة جاهزة&raquo;.<br>وتبدأ غداً&#x61F;</p>'
        '<ul><li>بند أول</li><li>بند &amp; ثانٍ</li></ul><script>var x="<p>";</script><table><tr><td>١٢</td></tr></table></body></html>')


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    # decoder: inbox files in every encoding and format the sniffer knows.
    write("decoder", "utf8.txt", bytes([EXT["txt"]]) + RELEASE.encode("utf-8"))
    write("decoder", "utf8-bom.md", bytes([EXT["md"]]) + b"\xef\xbb\xbf" + RELEASE.encode("utf-8"))
    write("decoder", "utf16le-bom.txt", bytes([EXT["txt"]]) + b"\xff\xfe" + SHORT.encode("utf-16-le"))
    write("decoder", "utf16be-bom.txt", bytes([EXT["txt"]]) + b"\xfe\xff" + SHORT.encode("utf-16-be"))
    write("decoder", "utf16le-nobom.txt", bytes([EXT[""]]) + SHORT.encode("utf-16-le"))
    write("decoder", "cp1256.txt", bytes([EXT["txt"]]) + SHORT.replace("١٢٣٫٥", "123.5").encode("cp1256"))
    write("decoder", "page.html", bytes([EXT["html"]]) + HTML.encode("utf-8"))
    write("decoder", "page-utf16.htm", bytes([EXT["htm"]]) + b"\xff\xfe" + HTML.encode("utf-16-le"))
    write("decoder", "fragment.html", bytes([EXT["html"]]) + "<p>خبر قصير.</p>".encode("utf-8"))
    write("decoder", "release.docx", bytes([EXT["docx"]]) + docx(BODY, {"word/styles.xml": STYLES}))
    write("decoder", "latin1.txt", bytes([EXT["TXT"]]) + "café résumé".encode("latin-1"))
    write("decoder", "pdf.pdf", bytes([EXT["pdf"]]) + b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    # docx: mode 0 whole files, 1-4 single parts, 5 a bomb shape.
    write("docx", "full-deflate", b"\x00" + docx(BODY, {"word/styles.xml": STYLES, "word/footnotes.xml": FOOTNOTES}))
    write("docx", "full-stored", b"\x00" + docx(BODY, deflate=False))
    write("docx", "document-xml", b"\x01" + BODY.encode("utf-8"))
    write("docx", "styles-xml", b"\x02" + STYLES.encode("utf-8"))
    write("docx", "rels", b"\x03" + RELS.replace("word/document.xml", "/word/main.xml").encode("utf-8"))
    write("docx", "footnotes", b"\x04" + FOOTNOTES.encode("utf-8"))
    write("docx", "bomb", b"\x05\x10\x04\x03\x00\x01")
    # segmenter: raw UTF-8 under several option sets, and token strings.
    for k, opts in enumerate([0, 2, 6, 14, 30]):
        write("segmenter", f"release-{k}", bytes([opts]) + RELEASE.encode("utf-8"))
    write("segmenter", "short", b"\x00" + SHORT.encode("utf-8"))
    write("segmenter", "tokens-1", bytes([1]) + bytes(range(0, 96)))
    write("segmenter", "tokens-2", bytes([7]) + bytes([32, 0, 36, 0, 8, 20, 33, 21, 0, 38, 8, 3, 60, 32, 9]))
    # glossary: 0 TSV, 1 CSV, 2 TBX.
    tsv = ("ar\ten\tnote\tavoid\tmatch\n# تعليق\n"
           "الهيئة العامة للجمارك\tFederal Customs Authority\t\tCustoms Agency\t\n"
           "تخليص جمركي\tcustoms clearance\tيستخدم في البيانات\tclearing|clearance of customs\t\n"
           "منفذ\tport of entry\t\t\texact\n"
           "\"بيان، جمركي\"\t\"customs \"\"declaration\"\"\"\t\"سطر\nثان\"\t\t\n")
    write("glossary", "glossary.tsv", b"\x00" + tsv.encode("utf-8"))
    csv = ("ar,en,note\r\nالشحنة,shipment,\r\n\"رسوم، جمركية\",customs duties,\"note, with comma\"\r\n")
    write("glossary", "glossary-bom.csv", b"\x01" + b"\xef\xbb\xbf" + csv.encode("utf-8"))
    write("glossary", "glossary-semicolon.csv", b"\x01" + "ar;en\nالتعرفة;tariff\n".encode("utf-8"))
    write("glossary", "glossary-utf16.tsv", b"\x00" + b"\xff\xfe" + "ar\ten\nالمنشأ\torigin\n".encode("utf-16-le"))
    tbx3 = ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
            '<tbxHeader><fileDesc><sourceDesc><p>seed</p></sourceDesc></fileDesc></tbxHeader><text><body>'
            '<conceptEntry id="c1"><descrip type="definition">ملاحظة</descrip>'
            '<langSec xml:lang="ar"><termSec><term>الهيئة العامة للجمارك</term></termSec></langSec>'
            '<langSec xml:lang="en"><termSec><term>Federal Customs Authority</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>'
            '<termSec><term>Customs Agency</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec></conceptEntry>'
            '<conceptEntry id="c2"><note>match: exact</note><langSec xml:lang="ar"><termSec><term>منفذ</term></termSec></langSec>'
            '<langSec xml:lang="en-GB"><termSec><term>port of entry</term></termSec></langSec></conceptEntry></body></text></tbx>\n')
    write("glossary", "v3.tbx", b"\x02" + tbx3.encode("utf-8"))
    tbx2 = ('<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body><termEntry id="t1">'
            '<langSet xml:lang="ar"><tig><term>رسوم جمركية</term></tig></langSet>'
            '<langSet xml:lang="en"><ntig><termGrp><term>customs duties</term></termGrp></ntig></langSet>'
            '<note>v2</note></termEntry></body></text></martif>')
    write("glossary", "v2.tbx", b"\x02" + tbx2.encode("utf-8"))


if __name__ == "__main__":
    main()
