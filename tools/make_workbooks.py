#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the bundled survey workbook and the XLSX fixtures of the tests.

samples/wine-survey.xlsx is a survey of a 30-actor wine cluster in an
invented valley: three wineries, twenty growers, a cooperative winery, a
consortium, a university, an agricultural school, a regional agency and
two importers abroad. Its node sheet and its answers (long form: who
answered, to which question, naming whom) are written as a local survey
team would keep them, in their own column names and codes, so that
samples/wine-survey.map has work to do.

tests/data/import/*.xlsx are small workbooks with one fault each.

Usage: tools/make_workbooks.py SAMPLES_DIR FIXTURES_DIR
Only the standard library is used; the output is the same on every run
(fixed seed, fixed timestamps).
"""
import random
import sys
import zipfile
from xml.sax.saxutils import escape

SEED = 2026
STAMP = (2026, 1, 1, 0, 0, 0)

GROWERS = [
    "Azienda Agricola Bianchi", "Podere Verdi", "Vigneti Neri", "Cascina Bruno",
    "Azienda Agricola Gallo", "Podere Conti", "Vigneti Marino", "Cascina Greco",
    "Azienda Agricola Lombardi", "Podere Moretti", "Vigneti Barbieri", "Cascina Fontana",
    "Azienda Agricola Santoro", "Podere Mariani", "Vigneti Rinaldi", "Cascina Caruso",
    "Azienda Agricola Ferrara", "Podere Galli", "Vigneti Martini", "Cascina Leone",
]
WINERIES = [("Cantina Rossi S.r.l.", 85), ("Tenuta Colle Alto S.p.A.", 260),
            ("Cantine del Borgo S.r.l.", 38)]
COOP = "Cantina Sociale della Valle"
CONSORTIUM = "Consorzio Tutela Vini della Valle"
UNIVERSITY = "Universita' di Scienze Enologiche"
SCHOOL = "Istituto Agrario Statale"
AGENCY = "Agenzia Regionale Sviluppo Agricolo"
IMPORTERS = ["Nordic Wine Import AB", "Atlantic Wine Traders Ltd"]

Q_BUY = "Whom do you buy grapes or wine from?"
Q_SELL = "Whom do you sell to abroad?"
Q_ADVICE = "Whom do you ask for technical advice?"
Q_MEMBER = "Which cooperatives or associations are you a member of?"


def actors(rng):
    """Rows of the node sheet, as the survey team typed them."""
    rows = [["Name", "Type", "Employees", "Foreign owned", "In the valley", "Sector"]]
    for name, staff in WINERIES:
        foreign = 1 if name.startswith("Tenuta") else 0
        rows.append([name, "Winery", staff, foreign, "yes", "wine"])
    for name in GROWERS:
        rows.append([name, "Grower", rng.randint(1, 14), 0, "yes", "grapes"])
    rows.append([COOP, "Cooperative", 24, 0, "yes", "wine"])
    rows.append([CONSORTIUM, "Consortium", 6, 0, "yes", ""])
    rows.append([UNIVERSITY, "University", 140, 0, "yes", ""])
    rows.append([SCHOOL, "School", 35, 0, "yes", ""])
    rows.append([AGENCY, "Agency", 60, 0, "yes", ""])
    for name in IMPORTERS:
        rows.append([name, "Importer", rng.randint(20, 90), 1, "no", "wine trade"])
    return rows


def answers(rng):
    """The long-form answers: buyers name sellers, members name associations,
    everyone names advisers; some answers were left empty."""
    rows = [["Respondent", "Question", "Answer"]]
    buyers = [w for w, _ in WINERIES] + [COOP]
    for grower in GROWERS:
        for buyer in rng.sample(buyers, rng.choice([1, 1, 2])):
            rows.append([buyer, Q_BUY, grower])
        rows.append([grower, Q_MEMBER, COOP] if rng.random() < 0.7 else [grower, Q_MEMBER, ""])
        if rng.random() < 0.5:
            rows.append([grower, Q_MEMBER, CONSORTIUM])
        advisers = [SCHOOL, AGENCY, COOP] + [w for w, _ in WINERIES]
        for adviser in rng.sample(advisers, rng.choice([1, 2])):
            rows.append([grower, Q_ADVICE, adviser])
        if rng.random() < 0.4:
            rows.append([grower, Q_ADVICE, rng.choice([g for g in GROWERS if g != grower])])
    for winery, _ in WINERIES:
        rows.append([winery, Q_BUY, COOP])
        rows.append([winery, Q_MEMBER, CONSORTIUM])
        rows.append([winery, Q_ADVICE, UNIVERSITY])
        for importer in IMPORTERS:
            rows.append([winery, Q_SELL, importer])
    rows.append([COOP, Q_MEMBER, CONSORTIUM])
    rows.append([COOP, Q_ADVICE, UNIVERSITY])
    rows.append([COOP, Q_ADVICE, AGENCY])
    rows.append([COOP, Q_SELL, IMPORTERS[0]])
    rows.append([SCHOOL, Q_ADVICE, UNIVERSITY])
    rows.append([AGENCY, Q_ADVICE, ""])
    return rows


def column(k):
    s = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        s = chr(65 + r) + s
    return s


class Book:
    """A workbook with shared strings and an optional date style."""

    def __init__(self):
        self.sheets = []
        self.strings = []
        self.index = {}

    def string(self, text):
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def cell(self, ref, value):
        if value == "" or value is None:
            return ""
        if isinstance(value, tuple):  # raw XML of a cell, for the faulty ones
            return '<c r="%s"%s</c>' % (ref, value[0])
        if isinstance(value, (int, float)):
            return '<c r="%s"><v>%s</v></c>' % (ref, value)
        return '<c r="%s" t="s"><v>%d</v></c>' % (ref, self.string(value))

    def add(self, name, rows):
        xml = ['<sheetData>']
        for r, row in enumerate(rows, 1):
            cells = "".join(self.cell("%s%d" % (column(c), r), v) for c, v in enumerate(row))
            xml.append('<row r="%d">%s</row>' % (r, cells))
        xml.append('</sheetData>')
        self.sheets.append((name, "".join(xml)))

    def parts(self):
        ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        ct = "application/vnd.openxmlformats-officedocument.spreadsheetml."
        types = ['<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                 'package.relationships+xml"/><Default Extension="xml" '
                 'ContentType="application/xml"/>',
                 '<Override PartName="/xl/workbook.xml" ContentType="%ssheet.main+xml"/>' % ct,
                 '<Override PartName="/xl/sharedStrings.xml" '
                 'ContentType="%ssharedStrings+xml"/>' % ct,
                 '<Override PartName="/xl/styles.xml" ContentType="%sstyles+xml"/>' % ct]
        sheets, rels = [], []
        out = []
        for k, (name, data) in enumerate(self.sheets, 1):
            types.append('<Override PartName="/xl/worksheets/sheet%d.xml" '
                         'ContentType="%sworksheet+xml"/>' % (k, ct))
            sheets.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(name), k, k))
            rels.append('<Relationship Id="rId%d" Type="%s/worksheet" '
                        'Target="worksheets/sheet%d.xml"/>' % (k, rel, k))
            out.append(("xl/worksheets/sheet%d.xml" % k,
                        head + '<worksheet %s>%s</worksheet>' % (ns, data)))
        n = len(self.sheets)
        rels.append('<Relationship Id="rId%d" Type="%s/sharedStrings" '
                    'Target="sharedStrings.xml"/>' % (n + 1, rel))
        rels.append('<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/>'
                    % (n + 2, rel))
        types.append('</Types>')
        sst = "".join('<si><t xml:space="preserve">%s</t></si>' % escape(s) for s in self.strings)
        styles = ('<styleSheet %s><numFmts count="1"><numFmt numFmtId="164" '
                  'formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/>'
                  '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>' % ns)
        return [("[Content_Types].xml", head + "".join(types)),
                ("_rels/.rels", head + '<Relationships xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/relationships"><Relationship Id="rId1" Type="%s/officeDocument" '
                 'Target="xl/workbook.xml"/></Relationships>' % rel),
                ("xl/workbook.xml", head + '<workbook %s xmlns:r="%s"><sheets>%s</sheets>'
                 '</workbook>' % (ns, rel, "".join(sheets))),
                ("xl/_rels/workbook.xml.rels", head + '<Relationships xmlns="http://schemas.'
                 'openxmlformats.org/package/2006/relationships">%s</Relationships>'
                 % "".join(rels)),
                ("xl/sharedStrings.xml", head + '<sst %s count="%d" uniqueCount="%d">%s</sst>'
                 % (ns, len(self.strings), len(self.strings), sst)),
                ("xl/styles.xml", head + styles)] + out

    def write(self, path, extra=()):
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.parts() + list(extra):
                info = zipfile.ZipInfo(name, STAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, data)


def sample(folder):
    rng = random.Random(SEED)
    book = Book()
    book.add("nodes", actors(rng))
    book.add("edges", answers(rng))
    book.write(folder + "/wine-survey.xlsx")


def fixtures(folder):
    nodes = [["id", "kind"], ["a", "firm"], ["b", "firm"], ["c", "association"]]
    edges = [["source", "target", "relation", "year"], ["a", "b", "supplier", 2019],
             ["b", "a", "supplier", 2020], ["a", "c", "association", ""]]
    book = Book()
    book.add("nodes", nodes)
    book.add("edges", edges)
    book.write(folder + "/book.xlsx")
    # A formula whose value was never computed (written by a script, not saved).
    book = Book()
    book.add("nodes", nodes)
    book.add("edges", edges[:3] + [["a", "c", "association", ('><f>2019+1</f>',)]])
    book.write(folder + "/formula.xlsx")
    # A year typed as a date: the number 43831 shown as 01/01/2020.
    book = Book()
    book.add("nodes", nodes)
    book.add("edges", edges[:3] + [["a", "c", "association", (' s="1"><v>43831</v>',)]])
    book.write(folder + "/date.xlsx")
    # A sheet part that inflates 5 MiB of blanks from a few kilobytes.
    book = Book()
    book.add("nodes", nodes)
    book.sheets.append(("edges", "<sheetData>" + " " * (5 << 20) + "</sheetData>"))
    book.write(folder + "/bomb.xlsx")
    # A ZIP archive that is not a workbook, and a file that is not a ZIP.
    with zipfile.ZipFile(folder + "/notbook.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("readme.txt", STAMP), "not a workbook\n")
    with open(folder + "/notzip.xlsx", "w") as f:
        f.write("source,target\na,b\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: tools/make_workbooks.py SAMPLES_DIR FIXTURES_DIR")
    sample(sys.argv[1])
    fixtures(sys.argv[2])
