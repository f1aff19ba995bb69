#!/usr/bin/env python3
"""Writes the Arabic release fixtures (our own text) and converts them with LibreOffice:
customs-release.fodt -> customs-release.docx (heading styles, a bold and an italic paragraph,
a numbered and a bulleted list, a table, a header, a footer with a page number, an image), and
customs-release.html (the same text as a web page). Run from this folder; commit the outputs.
"""
import base64, os, struct, subprocess, tempfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))

def png(width, height):
    """A small two-colour PNG (a flag-like banner), written by hand."""
    rows = b""
    for y in range(height):
        rows += b"\x00" + b"".join(
            (b"\x00\x73\x3c" if y < height // 2 else b"\xc8\xa0\x32") for x in range(width))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))

TITLE = "الهيئة العامة للجمارك تطلق منصة جديدة للتخليص الجمركي"
INTRO = ("أعلنت الهيئة العامة للجمارك اليوم عن إطلاق منصة إلكترونية جديدة لتسريع إجراءات التخليص الجمركي. "
         "وتتيح المنصة للمستوردين تقديم البيان الجمركي على مدار الساعة.")
QUOTE = "وقال المدير العام إن المنصة ستخفض زمن الإفراج عن البضائع إلى النصف."
H2A = "أبرز خدمات المنصة"
NUMBERED = ["تقديم البيان الجمركي إلكترونياً.", "سداد الرسوم الجمركية عبر الإنترنت.", "متابعة حالة الشحنة لحظة بلحظة."]
LEAD = "وتشمل المرحلة الأولى المنافذ التالية:"
BULLETS = ["ميناء جبل علي.", "مطار دبي الدولي."]
H2B = "مؤشرات الأداء"
TABLE = [["المؤشر", "القيمة"], ["زمن التخليص", "أربع ساعات"], ["عدد البيانات", "اثنا عشر ألف بيان"]]
CONTACT = "للاستفسار يرجى التواصل مع إدارة الاتصال المؤسسي."
HEADER = "الهيئة العامة للجمارك – بيان صحفي"
FOOTER = "صفحة"

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def fodt():
    image = base64.b64encode(png(120, 40)).decode()
    rtl = 'style:writing-mode="rl-tb" fo:text-align="end"'
    numbered = "".join(f'<text:list-item><text:p text:style-name="Rtl">{esc(t)}</text:p></text:list-item>' for t in NUMBERED)
    bullets = "".join(f'<text:list-item><text:p text:style-name="Rtl">{esc(t)}</text:p></text:list-item>' for t in BULLETS)
    rows = "".join("<table:table-row>" + "".join(
        f'<table:table-cell office:value-type="string"><text:p text:style-name="Rtl">{esc(c)}</text:p></table:table-cell>' for c in row)
        + "</table:table-row>" for row in TABLE)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties {rtl}/><style:text-properties style:font-name-complex="DejaVu Sans" fo:language="ar" fo:country="SA" style:language-complex="ar" style:country-complex="SA"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"><style:paragraph-properties {rtl}/></style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:paragraph-properties {rtl}/><style:text-properties fo:font-size="18pt" fo:font-weight="bold" style:font-size-complex="18pt" style:font-weight-complex="bold"/></style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:paragraph-properties {rtl}/><style:text-properties fo:font-size="14pt" fo:font-weight="bold" style:font-size-complex="14pt" style:font-weight-complex="bold"/></style:style>
 <text:list-style style:name="Numbered"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="0.5in"/></style:list-level-properties></text:list-level-style-number></text:list-style>
 <text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="0.5in"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Rtl" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties {rtl}/></style:style>
 <style:style style:name="Centre" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="center"/></style:style>
 <style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
 <style:style style:name="Italic" style:family="text"><style:text-properties fo:font-style="italic" style:font-style-complex="italic"/></style:style>
 <style:style style:name="Table" style:family="table"><style:table-properties style:width="6in" table:align="right" style:writing-mode="rl-tb"/></style:style>
 <style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="8.27in" fo:page-height="11.69in" fo:margin-top="0.8in" fo:margin-bottom="0.8in" fo:margin-left="0.9in" fo:margin-right="0.9in" style:writing-mode="rl-tb"/><style:header-style><style:header-footer-properties fo:min-height="0.3in"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.3in"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="Page">
  <style:header><text:p text:style-name="Centre">{esc(HEADER)}</text:p></style:header>
  <style:footer><text:p text:style-name="Centre">{esc(FOOTER)} <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
 <text:h text:style-name="Heading_20_1" text:outline-level="1">{esc(TITLE)}</text:h>
 <text:p text:style-name="Centre"><draw:frame draw:name="Banner" text:anchor-type="as-char" svg:width="1.5in" svg:height="0.5in"><draw:image><office:binary-data>{image}</office:binary-data></draw:image></draw:frame></text:p>
 <text:p text:style-name="Rtl">{esc(INTRO)}</text:p>
 <text:p text:style-name="Rtl"><text:span text:style-name="Bold">{esc(QUOTE)}</text:span></text:p>
 <text:h text:style-name="Heading_20_2" text:outline-level="2">{esc(H2A)}</text:h>
 <text:list text:style-name="Numbered">{numbered}</text:list>
 <text:p text:style-name="Rtl">{esc(LEAD)}</text:p>
 <text:list text:style-name="Bullets">{bullets}</text:list>
 <text:h text:style-name="Heading_20_2" text:outline-level="2">{esc(H2B)}</text:h>
 <table:table table:name="Indicators" table:style-name="Table"><table:table-column table:number-columns-repeated="2"/>{rows}</table:table>
 <text:p text:style-name="Rtl"><text:span text:style-name="Italic">{esc(CONTACT)}</text:span></text:p>
</office:text></office:body></office:document>
"""

def html():
    image = base64.b64encode(png(120, 40)).decode()
    lis = "".join(f"<li>{esc(t)}</li>" for t in NUMBERED)
    bullets = "".join(f"<li>{esc(t)}</li>" for t in BULLETS)
    rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in TABLE)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(TITLE)}</title>
<style>body {{ direction: rtl; text-align: right; font-family: sans-serif; }} .note {{ color: #555; }}</style>
</head>
<body>
<header class="masthead"><p>{esc(HEADER)}</p></header>
<h1>{esc(TITLE)}</h1>
<p><img src="data:image/png;base64,{image}" alt="شعار الهيئة" width="120" height="40"></p>
<p class="lead">{esc(INTRO)}</p>
<p><strong>{esc(QUOTE)}</strong></p>
<h2>{esc(H2A)}</h2>
<ol>{lis}</ol>
<p>{esc(LEAD)}</p>
<ul>{bullets}</ul>
<h2>{esc(H2B)}</h2>
<table>{rows}</table>
<p class="note"><em>{esc(CONTACT)}</em> <a href="https://customs.example/ar/contact">اتصل بنا</a></p>
</body>
</html>
"""

if __name__ == "__main__":
    with open(os.path.join(HERE, "customs-release.fodt"), "w", encoding="utf-8") as f:
        f.write(fodt())
    with open(os.path.join(HERE, "customs-release.html"), "w", encoding="utf-8") as f:
        f.write(html())
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        "docx:MS Word 2007 XML", "--outdir", HERE, os.path.join(HERE, "customs-release.fodt")], check=True)
