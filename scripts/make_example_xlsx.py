#!/usr/bin/env python3
"""Writes kotae's example incoming check sheet (examples/incoming/check_sheet.xlsx).

Usage: python3 scripts/make_example_xlsx.py examples/incoming/check_sheet.xlsx

Standard library only: the workbook is hand-written SpreadsheetML in a zip file, so that
the example does not depend on a spreadsheet library and its layout is exactly what kotae
has to cope with in customers' sheets:

- sheet 「記入方法」: instructions as free text, no table;
- sheet 「チェックシート」: a title merged across row 1, a note in row 2, an empty row 3,
  the header in row 4 (No. | カテゴリ | 確認項目 | 回答 | 補足説明), categories merged
  vertically over their questions, a list validation (はい / いいえ / 該当なし) on the answer
  column, column widths, a filled header style and a frozen header.

The output is deterministic (fixed timestamps), so rebuilding it gives the same bytes.
After writing, the script reads the file back, parses every XML part and checks the merges.
"""
import sys
import zipfile
from xml.dom import minidom
from xml.sax.saxutils import escape

CUSTOMER = "株式会社みなと物流"
TITLE = "クラウドサービス利用に関するセキュリティチェックシート"
NOTE = ("※「回答」欄はプルダウンから選択し、「補足説明」欄に具体的な対策内容をご記入ください。"
        "該当しない項目は「該当なし」を選択してください。")
CHOICES = ["はい", "いいえ", "該当なし"]

# (category, question). Consecutive questions of one category are merged in column B.
QUESTIONS = [
    ("アクセス管理", "管理画面へアクセスできる接続元を、特定のIPアドレスに限定することはできますか。"),
    ("アクセス管理", "貴社の社員が当社の登録データを閲覧することはありますか。ある場合はその統制方法を記載してください。"),
    ("アクセス管理", "不要になったアカウントや権限を定期的に棚卸ししていますか。"),
    ("認証", "管理画面へのログインに二要素認証を利用できますか。"),
    ("認証", "シングルサインオン（SAML連携）に対応していますか。対応している場合、連携できるIdPを記載してください。"),
    ("認証", "パスワードの最低文字数や文字種の組み合わせについて、ルールは設けられていますか。"),
    ("認証", "一定時間操作がない場合に自動でログアウトされますか。"),
    ("ログ管理", "利用者の操作履歴を当社側で確認・ダウンロードできますか。"),
    ("ログ管理", "システムのログはどのくらいの期間保存されますか。"),
    ("ログ管理", "サーバの時刻はどのように同期していますか。"),
    ("バックアップ・復旧", "バックアップは何世代保持していますか。"),
    ("バックアップ・復旧", "バックアップデータは、本番システムとは地理的に離れた場所に保管されていますか。"),
    ("バックアップ・復旧", "大規模災害時の目標復旧時間（RTO）を教えてください。"),
    ("暗号化", "サーバに保管される当社データは暗号化されていますか。暗号方式も記載してください。"),
    ("暗号化", "暗号化キーの管理方法を教えてください。"),
    ("サービスレベル", "サービスの稼働率の保証値（SLA）を教えてください。"),
    ("サービスレベル", "メンテナンスによるサービス停止は事前に通知されますか。"),
    ("インシデント対応", "セキュリティ事故が発生した場合、当社へ何時間以内に連絡いただけますか。"),
    ("脆弱性対策", "第三者機関によるペネトレーションテストや脆弱性診断を定期的に受けていますか。"),
    ("脆弱性対策", "WAF（ウェブアプリケーションファイアウォール）を導入していますか。"),
    ("脆弱性対策", "社員が使うPCにEDRなどのエンドポイントのマルウェア対策を導入していますか。"),
    ("人的管理", "社員へのセキュリティ教育はどのくらいの頻度で実施していますか。"),
    ("委託先管理", "サービスの運用を再委託していますか。再委託先がある場合は管理方法を記載してください。"),
    ("データ管理", "当社のデータはどの国・地域のデータセンターに保存されますか。"),
    ("データ管理", "契約終了時に当社のデータの返却や消去は行われますか。"),
    ("第三者認証", "ISMS（ISO/IEC 27001）などの第三者認証を取得していますか。"),
    ("その他", "当社の自社サーバに設置するオンプレミス版の提供は可能ですか。"),
    ("その他", "シンガポールにセキュリティ監視の拠点（SOC）を設けていますか。"),
    ("その他", "直近3期分の売上高と自己資本比率を教えてください。"),
    ("その他", "サイバー保険に加入していますか。加入している場合は補償額を記載してください。"),
]

INSTRUCTIONS = [
    "記入方法",
    "",
    f"本チェックシートは、{CUSTOMER}がクラウドサービスの導入を検討するにあたり、",
    "サービス提供事業者様の情報セキュリティ対策を確認するためのものです。",
    "",
    "1. 「チェックシート」シートの各確認項目について、「回答」欄のプルダウンから",
    "   「はい」「いいえ」「該当なし」のいずれかを選択してください。",
    "2. 「補足説明」欄には、対策の具体的な内容（頻度、方式、対象範囲など）をご記入ください。",
    "3. 公開資料やホワイトペーパーで回答される場合は、資料名と該当箇所をご記入ください。",
    "4. 回答期限：ご依頼日から2週間以内",
    "",
    f"お問い合わせ先：{CUSTOMER} 情報システム部 セキュリティ推進グループ",
]

FIRST_ROW = 5  # first question row; header is row 4
COLUMNS = "ABCDE"
WIDTHS = [6, 18, 62, 12, 48]
FIXED_TIME = (2026, 11, 1, 9, 0, 0)

# Cell style indexes into cellXfs below.
S_DEFAULT, S_TITLE, S_NOTE, S_HEADER, S_BODY, S_CATEGORY, S_NUMBER, S_ANSWER = range(8)

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="4">
<font><sz val="11"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font>
<font><b/><sz val="14"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font>
<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font>
<font><sz val="9"/><color rgb="FFC00000"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font>
</fonts>
<fills count="4">
<fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FF1F4E79"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill>
</fills>
<borders count="2">
<border><left/><right/><top/><bottom/><diagonal/></border>
<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>
</borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="3" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>
"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>
"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>
"""

WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<bookViews><workbookView activeTab="1"/></bookViews>
<sheets>
<sheet name="記入方法" sheetId="1" r:id="rId1"/>
<sheet name="チェックシート" sheetId="2" r:id="rId2"/>
</sheets>
<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'チェックシート'!$4:$4</definedName></definedNames>
</workbook>
"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>
"""

CORE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{escape(TITLE)}</dc:title>
<dc:creator>{escape(CUSTOMER)}</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-01T09:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-01T09:00:00Z</dcterms:modified>
</cp:coreProperties>
"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>kotae example generator</Application>
</Properties>
"""


class SharedStrings:
    """The workbook's shared string table, in first-use order."""

    def __init__(self):
        self.index = {}
        self.items = []
        self.uses = 0

    def ref(self, text):
        self.uses += 1
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(text)
        return self.index[text]

    def xml(self):
        parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                 f'count="{self.uses}" uniqueCount="{len(self.items)}">']
        for t in self.items:
            space = ' xml:space="preserve"' if t != t.strip() else ""
            parts.append(f"<si><t{space}>{escape(t)}</t></si>")
        parts.append("</sst>\n")
        return "".join(parts)


def cell(ref, style, sst=None, text=None, number=None):
    if text is not None:
        return f'<c r="{ref}" s="{style}" t="s"><v>{sst.ref(text)}</v></c>'
    if number is not None:
        return f'<c r="{ref}" s="{style}"><v>{number}</v></c>'
    return f'<c r="{ref}" s="{style}"/>'


def instructions_sheet(sst):
    rows = []
    for i, line in enumerate(INSTRUCTIONS, 1):
        if not line:
            continue
        style = S_TITLE if i == 1 else S_DEFAULT
        rows.append(f'<row r="{i}">{cell(f"A{i}", style, sst, line)}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="A1:A{len(INSTRUCTIONS)}"/>'
        '<sheetViews><sheetView workbookViewId="0" showGridLines="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="18"/>'
        '<cols><col min="1" max="1" width="100" customWidth="1"/></cols>'
        f'<sheetData>{"".join(rows)}</sheetData>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        '</worksheet>\n')


def category_runs():
    """(category, first_row, last_row) for each run of equal categories."""
    runs = []
    for i, (cat, _) in enumerate(QUESTIONS):
        row = FIRST_ROW + i
        if runs and runs[-1][0] == cat:
            runs[-1][2] = row
        else:
            runs.append([cat, row, row])
    return [tuple(r) for r in runs]


def check_sheet(sst):
    last = FIRST_ROW + len(QUESTIONS) - 1
    merges = ["A1:E1", "A2:E2"]
    runs = category_runs()
    first_of_run = {}
    for cat, a, b in runs:
        first_of_run[a] = cat
        if b > a:
            merges.append(f"B{a}:B{b}")

    rows = [
        f'<row r="1" ht="30" customHeight="1">{cell("A1", S_TITLE, sst, TITLE)}'
        + "".join(cell(f"{c}1", S_TITLE) for c in "BCDE") + "</row>",
        f'<row r="2" ht="30" customHeight="1">{cell("A2", S_NOTE, sst, NOTE)}'
        + "".join(cell(f"{c}2", S_NOTE) for c in "BCDE") + "</row>",
        '<row r="4" ht="24" customHeight="1">'
        + "".join(cell(f"{c}4", S_HEADER, sst, h) for c, h in
                  zip(COLUMNS, ["No.", "カテゴリ", "確認項目", "回答", "補足説明"])) + "</row>",
    ]
    for i, (_, question) in enumerate(QUESTIONS):
        r = FIRST_ROW + i
        cat_cell = (cell(f"B{r}", S_CATEGORY, sst, first_of_run[r]) if r in first_of_run
                    else cell(f"B{r}", S_CATEGORY))
        rows.append(
            f'<row r="{r}" ht="36" customHeight="1">'
            + cell(f"A{r}", S_NUMBER, number=i + 1) + cat_cell
            + cell(f"C{r}", S_BODY, sst, question)
            + cell(f"D{r}", S_ANSWER) + cell(f"E{r}", S_BODY) + "</row>")

    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                   for i, w in enumerate(WIDTHS, 1))
    choice_list = ",".join(CHOICES)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="A1:E{last}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="D5" sqref="D5"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="18"/>'
        f"<cols>{cols}</cols>"
        f'<sheetData>{"".join(rows)}</sheetData>'
        f'<mergeCells count="{len(merges)}">'
        + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
        '<dataValidations count="1">'
        f'<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" '
        f'errorTitle="入力エラー" error="一覧から選択してください。" sqref="D{FIRST_ROW}:D{last}">'
        f'<formula1>"{escape(choice_list)}"</formula1></dataValidation></dataValidations>'
        '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>'
        "</worksheet>\n"), merges


def parse_range(ref):
    def one(a):
        col = ord(a[0]) - ord("A")
        return int(a[1:]), col
    a, b = ref.split(":")
    return one(a), one(b)


def self_check(path, merges):
    """Reads the file back: every part must be well-formed XML, merges must not overlap."""
    with zipfile.ZipFile(path) as z:
        bad = z.testzip()
        if bad:
            raise SystemExit(f"{path}: corrupt member {bad}")
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    minidom.parseString(z.read(name))
                except Exception as e:  # report which part is malformed
                    raise SystemExit(f"{path}: {name} is not well-formed XML: {e}")
    covered = set()
    for m in merges:
        (r1, c1), (r2, c2) = parse_range(m)
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) in covered:
                    raise SystemExit(f"{path}: merged ranges overlap at {m}")
                covered.add((r, c))


def main(argv):
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    out = argv[0]
    sst = SharedStrings()
    sheet1 = instructions_sheet(sst)
    sheet2, merges = check_sheet(sst)
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("docProps/core.xml", CORE),
        ("docProps/app.xml", APP),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/styles.xml", STYLES),
        ("xl/worksheets/sheet1.xml", sheet1),
        ("xl/worksheets/sheet2.xml", sheet2),
        ("xl/sharedStrings.xml", sst.xml()),
    ]
    tmp = out + ".tmp"
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in parts:
                info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, text.encode("utf-8"))
        self_check(tmp, merges)
    except BaseException:
        import os
        if os.path.exists(tmp):
            os.remove(tmp)  # never leave a half-written workbook behind
        raise
    import os
    os.replace(tmp, out)
    print(f"{out}: {len(QUESTIONS)} questions, {len(merges)} merged ranges, "
          f"{len(sst.items)} shared strings: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
