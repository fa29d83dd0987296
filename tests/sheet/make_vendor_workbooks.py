#!/usr/bin/env python3
"""Writes three synthetic vendor-questionnaire workbooks into OUTDIR for vendor_workbooks_test.

Usage: python3 tests/sheet/make_vendor_workbooks.py OUTDIR

Standard library only (hand-written SpreadsheetML in a zip, like scripts/make_example_xlsx.py).
The workbooks imitate the layout families of public English vendor questionnaires; every
question text is kotae's own. What each one exercises:

- hecvat_full.xlsx: an Instructions sheet (title, prose, a numbered list of steps), START HERE
  (vendor fields GNRL-01..05 with a blank response column, two Yes/No qualifier questions), a
  Summary sheet of per-section score formulas, an Analyst Report that repeats every question id,
  text and answer through formulas with saved values (placed before the question sheets), three
  question sheets (instruction rows merged across, then "ID | Question | Vendor Answer |
  Additional Information | Guidance | Score"; section rows; Yes/No dropdowns from a workbook
  name on the hidden Values sheet; some question cells are formulas over the hidden QuestionBank
  sheet; a score formula per row), a Standards Crosswalk that repeats the question texts as
  plain strings, and the hidden Values and QuestionBank sheets.
- caiq_v4.xlsx: an Introduction sheet and one main sheet with two title rows, the CAIQ v4
  header (Question ID | Question | CSP CAIQ Answer | SSRM Control Ownership | CSP Implementation
  Description | CSC Responsibilities | CCM Control ID | CCM Control Specification | CCM Control
  Title | CCM Domain Title), Yes/No/NA and ownership dropdowns from names on a hidden Lists
  sheet, and the CCM columns merged down over the questions of one control.
- k12_lite.xlsx: Instructions, a Vendor Info sheet, one Questions sheet whose answer and
  additional-information cells are merged across two columns each (the header too), section
  rows merged across the table, a dropdown from a named range on a hidden sheet, and a Summary
  sheet placed after the questions that repeats them through formulas.

The expected items are written next to the workbooks as EXPECTED.tsv (workbook, sheet, 1-based
row, id, section, question, options joined by "|", answer column letter, choice column letter)
so the test compares against the generator's own truth. Output is deterministic.
"""
import os
import sys
import zipfile
from xml.sax.saxutils import escape

FIXED_TIME = (2026, 1, 5, 9, 0, 0)
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def col_name(i):
    s = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        s = chr(65 + rem) + s
    return s


def quote_sheet(name):
    return "'" + name.replace("'", "''") + "'"


class Sheet:
    """Cells of one worksheet: text (shared strings), numbers and formulas with saved values."""

    def __init__(self, name, state="visible"):
        self.name = name
        self.state = state
        self.cells = {}  # (row, col) 1-based row, 0-based col -> (kind, value, formula)
        self.merges = []
        self.validations = []  # (sqref, formula1)
        self.hidden_cols = set()

    def text(self, row, col, value):
        self.cells[(row, col)] = ("s", value, None)

    def number(self, row, col, value):
        self.cells[(row, col)] = ("n", value, None)

    def formula(self, row, col, formula, cached):
        """A formula cell; `cached` is its saved value (str, number or None for empty)."""
        self.cells[(row, col)] = ("f", cached, formula)

    def merge(self, ref):
        self.merges.append(ref)

    def xml(self, sst):
        rows = {}
        for (r, c), cell in sorted(self.cells.items()):
            rows.setdefault(r, []).append((c, cell))
        out = []
        for r in sorted(rows):
            cells = []
            for c, (kind, value, formula) in rows[r]:
                ref = f"{col_name(c)}{r}"
                if kind == "s":
                    cells.append(f'<c r="{ref}" t="s"><v>{sst.ref(value)}</v></c>')
                elif kind == "n":
                    cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                elif isinstance(value, str):
                    cells.append(f'<c r="{ref}" t="str"><f>{escape(formula)}</f>'
                                 f'<v>{escape(value)}</v></c>')
                elif value is None:
                    cells.append(f'<c r="{ref}" t="str"><f>{escape(formula)}</f><v></v></c>')
                else:
                    cells.append(f'<c r="{ref}"><f>{escape(formula)}</f><v>{value}</v></c>')
            out.append(f'<row r="{r}">{"".join(cells)}</row>')
        cols = "".join(f'<col min="{c + 1}" max="{c + 1}" width="30" hidden="1" customWidth="1"/>'
                       for c in sorted(self.hidden_cols))
        parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}">']
        if cols:
            parts.append(f"<cols>{cols}</cols>")
        parts.append(f'<sheetData>{"".join(out)}</sheetData>')
        if self.merges:
            parts.append(f'<mergeCells count="{len(self.merges)}">'
                         + "".join(f'<mergeCell ref="{m}"/>' for m in self.merges)
                         + "</mergeCells>")
        if self.validations:
            parts.append(f'<dataValidations count="{len(self.validations)}">')
            for sqref, f1 in self.validations:
                parts.append(f'<dataValidation type="list" allowBlank="1" showErrorMessage="1" '
                             f'sqref="{sqref}"><formula1>{escape(f1)}</formula1></dataValidation>')
            parts.append("</dataValidations>")
        parts.append("</worksheet>\n")
        return "".join(parts)


class SharedStrings:
    def __init__(self):
        self.index = {}
        self.items = []

    def ref(self, text):
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(text)
        return self.index[text]

    def xml(self):
        body = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in self.items)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{NS}" '
                f'count="{len(self.items)}" uniqueCount="{len(self.items)}">{body}</sst>\n')


def write_workbook(path, sheets, names):
    """names: list of (name, formula) workbook-scoped defined names."""
    sst = SharedStrings()
    sheet_xml = [s.xml(sst) for s in sheets]
    ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>']
    for i in range(len(sheets)):
        ct.append(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType='
                  '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
    ct.append("</Types>\n")
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>\n')
    wb = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          f'<workbook xmlns="{NS}" xmlns:r="{RNS}"><sheets>']
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for i, s in enumerate(sheets):
        state = "" if s.state == "visible" else f' state="{s.state}"'
        wb.append(f'<sheet name="{escape(s.name)}" sheetId="{i + 1}"{state} r:id="rId{i + 1}"/>')
        rels.append(f'<Relationship Id="rId{i + 1}" Type="{RNS}/worksheet" '
                    f'Target="worksheets/sheet{i + 1}.xml"/>')
    wb.append("</sheets>")
    if names:
        wb.append("<definedNames>" + "".join(
            f'<definedName name="{n}">{escape(f)}</definedName>' for n, f in names)
            + "</definedNames>")
    wb.append("</workbook>\n")
    rels.append(f'<Relationship Id="rId{len(sheets) + 1}" Type="{RNS}/sharedStrings" '
                'Target="sharedStrings.xml"/></Relationships>\n')
    parts = [("[Content_Types].xml", "".join(ct)), ("_rels/.rels", root_rels),
             ("xl/workbook.xml", "".join(wb)), ("xl/_rels/workbook.xml.rels", "".join(rels))]
    parts += [(f"xl/worksheets/sheet{i + 1}.xml", x) for i, x in enumerate(sheet_xml)]
    parts.append(("xl/sharedStrings.xml", sst.xml()))
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    os.replace(tmp, path)


EXPECTED = []  # rows of EXPECTED.tsv


def expect(book, sheet, row, qid, section, question, options, answer_col, choice_col=""):
    EXPECTED.append((book, sheet, str(row), qid, section, question, "|".join(options),
                     answer_col, choice_col))


# --- (a) HECVAT-Full-like -------------------------------------------------------------------

YES_NO = ["Yes", "No"]

HECVAT_SHEETS = {
    "Organization": ("ORGN", [
        ("Company Profile", [
            "Describe your organization's business background and ownership structure.",
            "Have you had a data breach that affected customers in the last five years?",
            "Do you carry cyber liability insurance that covers customer data loss?",
        ]),
        ("Policies and Governance", [
            "Do you maintain a written information security program approved by management?",
            "Is your security policy reviewed at least once a year?",
            "Do employees complete security awareness training when hired and every year after?",
            "Do you perform background checks on staff with access to customer data?",
        ]),
    ]),
    "Product": ("PROD", [
        ("Application Security", [
            "Does the product support single sign-on through SAML or OpenID Connect?",
            "Can customers enforce multi-factor authentication for all user accounts?",
            "Do you run static code analysis before each release?",
            "Is the application tested by an independent penetration tester every year?",
        ]),
        ("Data Handling", [
            "Is customer data encrypted at rest with AES-256 or stronger?",
            "Is all data in transit protected with TLS 1.2 or later?",
            "Can customers export all of their data in a standard format on request?",
            "Is customer data deleted within thirty days after the contract ends?",
        ]),
    ]),
    "Infrastructure": ("INFR", [
        ("Hosting", [
            "Is the service hosted in a third-party cloud data center?",
            "Are production systems located only in the United States?",
            "Do you keep backups in a second geographic region?",
        ]),
        ("Operations", [
            "Are system logs retained for at least one year?",
            "Do you monitor the environment for intrusions around the clock?",
            "Is there a documented incident response plan tested at least annually?",
            "Are security patches applied to servers within thirty days of release?",
        ]),
    ]),
}
# Question sheets whose question cells are formulas over the hidden QuestionBank sheet: the
# saved value is what a reader sees (some published workbooks keep one master list of texts).
FORMULA_QUESTION_SHEETS = {"Product"}
HECVAT_HEADER = ["ID", "Question", "Vendor Answer", "Additional Information", "Guidance", "Score"]


def hecvat_full(outdir):
    book = "hecvat_full.xlsx"
    instructions = Sheet("Instructions")
    instructions.text(1, 0, "Vendor Security Assessment (Full)")
    instructions.text(3, 0, "This workbook collects information about the security of a "
                            "hosted product offered to a university. Answer every question on "
                            "the domain tabs; the Summary and Analyst Report tabs fill in by "
                            "themselves.")
    instructions.merge("A3:D3")
    steps = ["Fill in the vendor fields on START HERE.",
             "Answer each question on the Organization, Product and Infrastructure tabs.",
             "Explain every No answer in the Additional Information column.",
             "Return the completed workbook to the institution's security office."]
    for i, step in enumerate(steps):
        instructions.number(5 + i, 0, i + 1)
        instructions.text(5 + i, 1, step)
    instructions.text(10, 0, "Questions about this form can be sent to the security office.")

    start = Sheet("START HERE")
    start.text(1, 0, "START HERE")
    start.text(2, 0, "Complete the general information below before moving on to the "
                     "question tabs.")
    start.merge("A2:D2")
    for c, h in enumerate(["ID", "General Information", "Vendor Response", "Guidance"]):
        start.text(4, c, h)
    vendor_fields = ["Vendor name", "Product name and version", "Short description of the product",
                     "Name of the person completing this form", "Email address of that person"]
    row = 5
    for i, field in enumerate(vendor_fields):
        qid = f"GNRL-{i + 1:02d}"
        start.text(row, 0, qid)
        start.text(row, 1, field)
        start.text(row, 3, "Free text.")
        expect(book, "START HERE", row, qid, "", field, [], "C")
        row += 1
    start.text(row, 0, "Qualifiers")
    start.merge(f"A{row}:D{row}")
    row += 1
    qualifiers = ["Will the product store or process health records of students?",
                  "Will any part of the service be delivered by a subcontractor?"]
    first_q = row
    for i, q in enumerate(qualifiers):
        qid = f"QUAL-{i + 1:02d}"
        start.text(row, 0, qid)
        start.text(row, 1, q)
        expect(book, "START HERE", row, qid, "Qualifiers", q, YES_NO, "C")
        row += 1
    start.validations.append((f"C{first_q}:C{row - 1}", "YesNo"))

    # Question sheets first (the report refers to their cells), written out in sheet order below.
    bank = Sheet("QuestionBank", state="hidden")
    bank_row = 1
    question_sheets = []
    locations = []  # (sheet, row, id, question, section)
    for name, (prefix, sections) in HECVAT_SHEETS.items():
        s = Sheet(name)
        s.text(1, 0, name)
        s.text(2, 0, f"Answer each question about your {name.lower()} with the dropdown in the "
                     "Vendor Answer column and give detail where asked.")
        s.merge("A2:F2")
        s.text(3, 0, "Rows shaded grey are section headings; they need no answer.")
        s.merge("A3:F3")
        for c, h in enumerate(HECVAT_HEADER):
            s.text(5, c, h)
        s.hidden_cols.add(5)
        row = 6
        n = 0
        first_answer = row
        for section, questions in sections:
            s.text(row, 0, section)
            s.merge(f"A{row}:F{row}")
            row += 1
            for q in questions:
                n += 1
                qid = f"{prefix}-{n:02d}"
                s.text(row, 0, qid)
                if name in FORMULA_QUESTION_SHEETS:
                    bank.text(bank_row, 0, q)
                    s.formula(row, 1, f"QuestionBank!A{bank_row}", q)
                    bank_row += 1
                else:
                    s.text(row, 1, q)
                s.text(row, 4, "A Yes answer should be backed by a document the institution "
                               "may ask to see.")
                s.formula(row, 5, f'IF(C{row}="Yes",1,0)', 0)
                # The dropdown takes the choice, Additional Information the explanation.
                expect(book, name, row, qid, section, q, YES_NO, "D", "C")
                locations.append((name, row, qid, q, section))
                row += 1
        s.validations.append((f"C{first_answer}:C{row - 1}", "YesNo"))
        question_sheets.append(s)

    summary = Sheet("Summary")
    summary.text(1, 0, "Summary of Vendor Responses")
    for c, h in enumerate(["Section", "Questions", "Answered Yes", "Score"]):
        summary.text(3, c, h)
    for i, name in enumerate(HECVAT_SHEETS):
        r = 4 + i
        count = sum(len(q) for _, q in HECVAT_SHEETS[name][1])
        summary.text(r, 0, name)
        summary.formula(r, 1, f"COUNTA({quote_sheet(name)}!A6:A40)-2", count)
        summary.formula(r, 2, f"SUM({quote_sheet(name)}!F6:F40)", 0)
        summary.formula(r, 3, f"IFERROR(C{r}/B{r},0)", 0)

    report = Sheet("Analyst Report")
    report.text(1, 0, "Analyst Report")
    report.text(2, 0, "This tab is filled from the question tabs; do not edit it.")
    for c, h in enumerate(["ID", "Question", "Vendor Answer", "Additional Information",
                           "Analyst Notes", "Score"]):
        report.text(4, c, h)
    for i, (name, r, qid, q, _) in enumerate(locations):
        rr = 5 + i
        src = quote_sheet(name)
        report.formula(rr, 0, f"{src}!A{r}", qid)
        report.formula(rr, 1, f"{src}!B{r}", q)
        report.formula(rr, 2, f'IF({src}!C{r}="","",{src}!C{r})', "")
        report.formula(rr, 3, f'IF({src}!D{r}="","",{src}!D{r})', "")
        report.formula(rr, 5, f"{src}!F{r}", 0)

    crosswalk = Sheet("Standards Crosswalk")
    for c, h in enumerate(["Question ID", "Question", "NIST SP 800-53 Rev. 5", "ISO/IEC 27002:2022",
                           "CIS Controls v8"]):
        crosswalk.text(1, c, h)
    controls = ["AC-2", "AU-11", "CP-9", "IA-2", "IR-8", "PL-2", "RA-5", "SC-8", "SC-28", "SI-2"]
    for i, (_, _, qid, q, _) in enumerate(locations):
        r = 2 + i
        crosswalk.text(r, 0, qid)
        crosswalk.text(r, 1, q)
        crosswalk.text(r, 2, controls[i % len(controls)])
        crosswalk.text(r, 3, f"5.{(i % 37) + 1}")
        crosswalk.text(r, 4, f"{(i % 18) + 1}.{(i % 5) + 1}")

    values = Sheet("Values", state="hidden")
    values.text(1, 0, "Answers")
    values.text(2, 0, "Yes")
    values.text(3, 0, "No")

    sheets = [instructions, start, summary, report] + question_sheets + [crosswalk, values, bank]
    write_workbook(os.path.join(outdir, book), sheets, [("YesNo", "Values!$A$2:$A$3")])


# --- (b) CAIQ-v4-like -----------------------------------------------------------------------

CAIQ_CONTROLS = [
    ("A&A-01", "Audit and Assurance Policy", "Audit & Assurance",
     "Keep an audit and assurance policy, review it at planned intervals and communicate it.", [
         "Are audit and assurance policies established, documented and approved?",
         "Are the audit policies reviewed and updated at least once a year?",
     ]),
    ("A&A-02", "Independent Assessments", "Audit & Assurance",
     "Have independent parties assess conformance with the relevant standards every year.", [
         "Are independent audit and assurance assessments conducted at least annually?",
     ]),
    ("CEK-03", "Data Encryption", "Cryptography, Encryption & Key Management",
     "Protect data at rest and in transit with cryptographic libraries certified to approved "
     "standards.", [
         "Is customer data encrypted at rest and in transit with approved algorithms?",
     ]),
    ("CEK-10", "Key Generation", "Cryptography, Encryption & Key Management",
     "Generate cryptographic keys with accepted libraries that state the algorithm strength.", [
         "Are cryptographic keys generated with industry accepted libraries?",
         "Is the strength of each key generation algorithm documented?",
     ]),
    ("IAM-14", "Strong Authentication", "Identity & Access Management",
     "Require strong authentication for users of systems and data.", [
         "Is multi-factor authentication required for all privileged access?",
         "Are digital certificates or equivalent used for system identities?",
     ]),
    ("LOG-02", "Audit Logs Protection", "Logging and Monitoring",
     "Protect audit logs from unauthorized change and keep them for the retention period.", [
         "Are audit logs protected against tampering and unauthorized access?",
         "Are audit records retained in line with a defined retention policy?",
     ]),
    ("SEF-05", "Incident Response Metrics", "Security Incident Management",
     "Track and report security incident metrics.", [
         "Are metrics for security incidents collected and reviewed by management?",
     ]),
    ("TVM-07", "Vulnerability Identification", "Threat & Vulnerability Management",
     "Scan for vulnerabilities at least monthly and on major change.", [
         "Are vulnerability scans performed at least once a month?",
         "Are newly found vulnerabilities ranked and tracked until fixed?",
     ]),
    ("DSP-19", "Data Location", "Data Security and Privacy Lifecycle Management",
     "Define and document the physical locations of data, including backups.", [
         "Is the physical location of customer data, including backup copies, documented?",
     ]),
    ("BCR-08", "Backup", "Business Continuity Management and Operational Resilience",
     "Back up cloud data periodically and check that restores work.", [
         "Are backups of customer data taken on a schedule and restore-tested?",
         "Is the confidentiality and integrity of backup data protected?",
     ]),
    ("HRS-04", "Remote and Home Working", "Human Resources",
     "Protect information accessed, processed or stored at remote sites and locations.", [
         "Is there a policy for protecting information handled at remote locations?",
         "Are remote working procedures reviewed at least once a year?",
     ]),
    ("STA-09", "Supply Chain Agreements", "Supply Chain Management, Transparency, and Accountability",
     "Include security and privacy terms in agreements between providers and customers.", [
         "Do service agreements with customers state the security terms that apply?",
         "Do agreements with suppliers require notice of security incidents?",
     ]),
]
CAIQ_HEADER = ["Question ID", "Question", "CSP CAIQ Answer", "SSRM Control Ownership",
               "CSP Implementation Description (Optional/Recommended)",
               "CSC Responsibilities (Optional/Recommended)", "CCM Control ID",
               "CCM Control Specification", "CCM Control Title", "CCM Domain Title"]
OWNERSHIP = ["CSP-owned", "CSC-owned", "Shared CSP and CSC", "Third-party outsourced"]
YES_NO_NA = ["Yes", "No", "NA"]


def caiq(outdir):
    book = "caiq_v4.xlsx"
    intro = Sheet("Introduction")
    intro.text(1, 0, "Consensus Assessment Questionnaire, version 4 (synthetic)")
    intro.text(3, 0, "The questionnaire asks a cloud provider how it meets each control of the "
                     "control matrix. Answer Yes, No or NA, say who owns the control, and describe "
                     "the implementation.")
    intro.text(4, 0, "Questions marked NA should be explained in the implementation column.")
    main = Sheet("CAIQv4.0.3")
    main.text(1, 0, "Consensus Assessment Questionnaire v4.0.3")
    main.merge("A1:J1")
    main.text(2, 0, "Synthetic copy for tests; the texts are not those of the published file.")
    main.merge("A2:J2")
    for c, h in enumerate(CAIQ_HEADER):
        main.text(3, c, h)
    row = 4
    for cid, title, domain, spec, questions in CAIQ_CONTROLS:
        first = row
        for i, q in enumerate(questions):
            qid = f"{cid}.{i + 1}"
            main.text(row, 0, qid)
            main.text(row, 1, q)
            expect(book, "CAIQv4.0.3", row, qid, "", q, YES_NO_NA, "E", "C")
            row += 1
        main.text(first, 6, cid)
        main.text(first, 7, spec)
        main.text(first, 8, title)
        main.text(first, 9, domain)
        if row - 1 > first:
            for c in "GHIJ":
                main.merge(f"{c}{first}:{c}{row - 1}")
    main.validations.append((f"C4:C{row - 1}", "CAIQAnswer"))
    main.validations.append((f"D4:D{row - 1}", "SSRMOwnership"))
    lists = Sheet("Lists", state="hidden")
    for i, v in enumerate(YES_NO_NA):
        lists.text(i + 1, 0, v)
    for i, v in enumerate(OWNERSHIP):
        lists.text(i + 1, 1, v)
    write_workbook(os.path.join(outdir, book), [intro, main, lists],
                   [("CAIQAnswer", "Lists!$A$1:$A$3"), ("SSRMOwnership", "Lists!$B$1:$B$4")])


# --- (c) K-12CVAT / HECVAT-Lite-like --------------------------------------------------------

K12_SECTIONS = [
    ("Data Privacy", "DPRV", [
        "Do you sell or rent student data to any third party?",
        "Is student data used only to provide the contracted service?",
        "Will you notify the district before changing how student data is used?",
        "Do you sign the state student data privacy agreement?",
    ]),
    ("Application Security", "APPL", [
        "Are user passwords stored with a salted one-way hash?",
        "Can district administrators remove a user's access the same day?",
        "Do you review third-party libraries for known vulnerabilities before release?",
    ]),
    ("Data Center", "DCTR", [
        "Is the data center certified against SOC 2 Type II or ISO/IEC 27001?",
        "Are physical entry points to the server rooms badge controlled and logged?",
        "Is student data stored only inside the country?",
    ]),
    ("Policies and Training", "PLCY", [
        "Do staff who handle student records receive privacy training every year?",
        "Is there a written acceptable use policy for company devices?",
        "Are contractors bound by the same confidentiality terms as employees?",
        "Is the privacy policy written in plain language for parents?",
    ]),
    ("Accessibility", "ACCS", [
        "Does the product meet WCAG 2.1 level AA?",
        "Can every function be reached with a keyboard alone?",
        "Do you publish an accessibility conformance report for the product?",
        "Are captions provided for all instructional video content?",
    ]),
    ("Incident Handling", "INCH", [
        "Will the district be told of a breach involving its data within 72 hours?",
        "Is there a named contact for security incidents available at all hours?",
    ]),
]


def k12(outdir):
    book = "k12_lite.xlsx"
    instructions = Sheet("Instructions")
    instructions.text(1, 0, "K-12 Vendor Security Questionnaire (Lite)")
    instructions.text(2, 0, "Please answer every question on the Questions tab. Use the "
                            "dropdown for the answer and explain any No in the comments.")
    instructions.text(3, 0, "The Summary tab totals your answers for the district reviewer.")
    info = Sheet("Vendor Info")
    info.text(1, 0, "Vendor Information")
    labels = ["Company name:", "Product name:", "Contact email:", "Date completed:"]
    for i, label in enumerate(labels):
        info.text(3 + i, 0, label)
    qs = Sheet("Questions")
    qs.text(1, 0, "Security Questionnaire")
    qs.merge("A1:F1")
    qs.text(2, 0, "Choose an answer in the merged answer cell of each row; add comments where "
                  "useful.")
    qs.merge("A2:F2")
    for c, h in [(0, "Question ID"), (1, "Question"), (2, "Answer"), (4, "Additional Info")]:
        qs.text(4, c, h)
    qs.merge("C4:D4")
    qs.merge("E4:F4")
    row = 5
    sqref = []
    locations = []
    for section, prefix, questions in K12_SECTIONS:
        qs.text(row, 0, section)
        qs.merge(f"A{row}:F{row}")
        row += 1
        for i, q in enumerate(questions):
            qid = f"{prefix}-{i + 1:02d}"
            qs.text(row, 0, qid)
            qs.text(row, 1, q)
            qs.merge(f"C{row}:D{row}")
            qs.merge(f"E{row}:F{row}")
            sqref.append(f"C{row}:D{row}")
            expect(book, "Questions", row, qid, section, q, YES_NO + ["N/A"], "E", "C")
            locations.append((row, qid, q))
            row += 1
    qs.validations.append((" ".join(sqref), "AnswerList"))
    summary = Sheet("Summary")
    summary.text(1, 0, "Summary")
    for c, h in enumerate(["Question ID", "Question", "Answer", "Points"]):
        summary.text(2, c, h)
    for i, (r, qid, q) in enumerate(locations):
        rr = 3 + i
        summary.formula(rr, 0, f"Questions!A{r}", qid)
        summary.formula(rr, 1, f"Questions!B{r}", q)
        summary.formula(rr, 2, f'IF(Questions!C{r}="","",Questions!C{r})', "")
        summary.formula(rr, 3, f'IF(C{rr}="Yes",2,IF(C{rr}="N/A",1,0))', 0)
    lists = Sheet("Dropdowns", state="hidden")
    for i, v in enumerate(YES_NO + ["N/A"]):
        lists.text(i + 1, 0, v)
    write_workbook(os.path.join(outdir, book), [instructions, info, qs, summary, lists],
                   [("AnswerList", "Dropdowns!$A$1:$A$3")])


def main(argv):
    if len(argv) != 1:
        print("usage: make_vendor_workbooks.py OUTDIR", file=sys.stderr)
        return 2
    outdir = argv[0]
    os.makedirs(outdir, exist_ok=True)
    hecvat_full(outdir)
    caiq(outdir)
    k12(outdir)
    with open(os.path.join(outdir, "EXPECTED.tsv"), "w", encoding="utf-8") as f:
        for row in EXPECTED:
            f.write("\t".join(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
