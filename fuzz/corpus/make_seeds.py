#!/usr/bin/env python3
"""Regenerates kotae's fuzz seeds: fuzz/corpus/{xlsx,xlsx_parts,csv,text_table,prose,vocabulary,docx_parts}/.

The seeds are small, valid inputs in the layouts kotae reads (title rows, headers, sections,
merged cells, dropdowns; UTF-8, BOM, Shift_JIS, UTF-16; Markdown and plain-text policies and
FAQs; vocabulary files) so the fuzzers start from inputs that reach deep into each reader. The content is invented for kotae's tests. Run from anywhere:
    python3 fuzz/corpus/make_seeds.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # so regenerating gives identical bytes

MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
WS_TYPE = REL + '/worksheet'
SST_TYPE = REL + '/sharedStrings'
SHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'


def write_seed(out, name, data):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)


def content_types(sheets, shared):
    parts = ''.join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SHEET_CT}"/>'
        for i in range(1, sheets + 1))
    if shared:
        parts += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                  'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + parts + '</Types>')


def write_xlsx(path, sheets, shared=None, defined_names='', stored=False):
    """sheets: list of (name, state, xml). shared: list of <si> bodies or None."""
    rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    sheet_list = ''.join(
        f'<sheet name="{name}" sheetId="{i}"{f" state={chr(34)}{state}{chr(34)}" if state else ""}'
        f' r:id="rId{i}"/>' for i, (name, state, _) in enumerate(sheets, 1))
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
                f'<sheets>{sheet_list}</sheets>'
                + (f'<definedNames>{defined_names}</definedNames>' if defined_names else '')
                + '</workbook>')
    wb_rels = ''.join(
        f'<Relationship Id="rId{i}" Type="{WS_TYPE}" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1))
    if shared is not None:
        wb_rels += (f'<Relationship Id="rId{len(sheets) + 1}" Type="{SST_TYPE}" '
                    'Target="sharedStrings.xml"/>')
    wb_rels = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">{wb_rels}</Relationships>'
    parts = [('[Content_Types].xml', content_types(len(sheets), shared is not None)),
             ('_rels/.rels', rels), ('xl/workbook.xml', workbook),
             ('xl/_rels/workbook.xml.rels', wb_rels)]
    for i, (_, _, xml) in enumerate(sheets, 1):
        parts.append((f'xl/worksheets/sheet{i}.xml', xml))
    if shared is not None:
        sst = ''.join(f'<si>{body}</si>' for body in shared)
        parts.append(('xl/sharedStrings.xml',
                      f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" '
                      f'count="{len(shared)}" uniqueCount="{len(shared)}">{sst}</sst>'))
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, 'w', method) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = method
            z.writestr(info, data)


def worksheet(rows, extra='', dimension=''):
    dim = f'<dimension ref="{dimension}"/>' if dimension else ''
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" '
            f'xmlns:r="{REL}">{dim}<sheetData>{rows}</sheetData>{extra}</worksheet>')


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def shared_cell(ref, index):
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def xlsx_seeds(out):
    # 1. Smallest useful sheet: inline strings, a number, a title row above the header.
    rows = ('<row r="1">' + inline('A1', 'kotae 確認シート') + '</row>'
            '<row r="3">' + inline('A3', 'No.') + inline('B3', '質問') + inline('C3', '回答') + '</row>'
            '<row r="4"><c r="A4"><v>1</v></c>' + inline('B4', '通信は暗号化されていますか') +
            inline('C4', 'はい') + '</row>'
            '<row r="5"><c r="A5"><v>2</v></c>' + inline('B5', '多要素認証に対応していますか') +
            '</row>')
    write_xlsx(os.path.join(out, 'inline_minimal.xlsx'), [('確認', None, worksheet(rows, dimension='A1:C5'))])

    # 2. Shared strings with a rich-text run, merged section row, dropdown, formula cache.
    strings = ['<t>項番</t>', '<t>確認項目</t>', '<t>回答</t>', '<t>備考</t>',
               '<t>1. 組織的対策</t>',
               '<r><rPr><b/></rPr><t>情報セキュリティ方針を</t></r><r><t xml:space="preserve"> 定めていますか</t></r>',
               '<t>有り</t>', '<t>2. 技術的対策</t>', '<t>ログを一年以上保管していますか</t>',
               '<t>脆弱性診断を定期的に実施していますか</t>']
    rows = ('<row r="1">' + ''.join(shared_cell(f'{c}1', i) for i, c in enumerate('ABCD')) + '</row>'
            '<row r="2">' + shared_cell('A2', 4) + '</row>'
            '<row r="3"><c r="A3"><v>1</v></c>' + shared_cell('B3', 5) + shared_cell('C3', 6) + '</row>'
            '<row r="4">' + shared_cell('A4', 7) + '</row>'
            '<row r="5"><c r="A5"><f>A3+1</f><v>2</v></c>' + shared_cell('B5', 8) + '</row>'
            '<row r="6" hidden="1"><c r="A6"><v>3</v></c>' + shared_cell('B6', 9) +
            '<c r="C6" t="b"><v>1</v></c></row>')
    extra = ('<mergeCells count="2"><mergeCell ref="A2:D2"/><mergeCell ref="A4:D4"/></mergeCells>'
             '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C3:C6">'
             '<formula1>"有り,無し,該当なし"</formula1></dataValidation></dataValidations>')
    write_xlsx(os.path.join(out, 'shared_merged_dropdown.xlsx'),
               [('チェックシート', None, worksheet(rows, extra))], shared=strings)

    # 3. English questionnaire: a visible sheet, a hidden list sheet, a defined-name dropdown.
    strings = ['<t>Question ID</t>', '<t>Question</t>', '<t>Answer</t>', '<t>Notes</t>',
               '<t>Do you encrypt data at rest?</t>', '<t>Yes</t>', '<t>No</t>', '<t>N/A</t>',
               '<t>Is access reviewed every quarter?</t>', '<t>Data Protection</t>']
    rows = ('<row r="1">' + inline('A1', 'Instructions: answer every question.') + '</row>'
            '<row r="2">' + ''.join(shared_cell(f'{c}2', i) for i, c in enumerate('ABCD')) + '</row>'
            '<row r="3">' + shared_cell('A3', 9) + '</row>'
            '<row r="4">' + inline('A4', 'DP-01') + shared_cell('B4', 4) + shared_cell('C4', 5) + '</row>'
            '<row r="5">' + inline('A5', 'DP-02') + shared_cell('B5', 8) +
            '<c r="C5" t="str"><f>Lists!A1</f><v>Yes</v></c></row>')
    extra = ('<dataValidations count="1"><dataValidation type="list" sqref="C4:C5">'
             '<formula1>AnswerList</formula1></dataValidation></dataValidations>')
    lists = worksheet('<row r="1">' + shared_cell('A1', 5) + '</row><row r="2">' +
                      shared_cell('A2', 6) + '</row><row r="3">' + shared_cell('A3', 7) + '</row>')
    write_xlsx(os.path.join(out, 'english_hidden_lists.xlsx'),
               [('Questions', None, worksheet(rows, extra)), ('Lists', 'hidden', lists)],
               shared=strings,
               defined_names='<definedName name="AnswerList">Lists!$A$1:$A$3</definedName>')

    # 4. The same minimal sheet stored (not deflated): mutations land in the XML directly.
    rows = ('<row r="1">' + inline('A1', '管理策') + inline('B1', 'チェック内容') + inline('C1', '結果') +
            '</row><row r="2">' + inline('A2', '5.1 方針') + inline('B2', '方針を承認していますか') +
            inline('C2', '○') + '</row>')
    write_xlsx(os.path.join(out, 'stored_checklist.xlsx'), [('管理策', None, worksheet(rows))],
               stored=True)


CSV_TEXT = ('No.,分類,質問,回答,備考\r\n'
            '1,アクセス管理,"管理者権限は承認制ですか",有り,\r\n'
            '2,アクセス管理,"退職者のアカウントは""即日""削除しますか",有り,"人事連携\r\nで自動化"\r\n'
            '3,バックアップ,バックアップを遠隔地に保管していますか,無し,\r\n'
            '4,,ペネトレーションテストを実施していますか,,\r\n')


def csv_seeds(out):
    def w(name, data):
        write_seed(out, name, data)
    w('utf8.csv', CSV_TEXT.encode('utf-8'))
    w('utf8_bom.csv', b'\xef\xbb\xbf' + CSV_TEXT.encode('utf-8'))
    w('shift_jis.csv', CSV_TEXT.encode('cp932'))
    w('utf16le_bom.csv', CSV_TEXT.replace(',', '\t').encode('utf-16'))  # Python writes LE + BOM
    w('utf16be_bom.csv', b'\xfe\xff' + CSV_TEXT.encode('utf-16-be'))
    w('tabs.tsv', CSV_TEXT.replace(',', '\t').replace('\r\n', '\n').encode('utf-8'))
    w('semicolon.csv', ('ID;Question;Answer\n'
                        'A-1;Is MFA required for administrators?;Yes\n'
                        'A-2;"Are logs kept; for how long?";N/A\n').encode('utf-8'))
    w('english.csv', ('Question ID,Question,Answer,Notes\n'
                      'HR-01,Do staff sign a confidentiality agreement?,Yes,\n'
                      'HR-02,Is security training given yearly?,No,"planned, 2025"\n').encode('utf-8'))


def text_table_seeds(out):
    def w(name, text):
        write_seed(out, name, text.encode('utf-8'))
    # Item numbers, multi-level headings, a continuation row without a number.
    w('disclosure.txt',
      'kotae サンプル 情報開示シート\n\n'
      '・本シートはテスト用の架空サービスについて記載しています。\n\n'
      '区分\t番号\t開示項目\t開示内容\n'
      '事業者\t1\t事業者名\t架空株式会社\n'
      '\t2\t設立年\t2010年\n'
      'サービス\t3\tサービス稼働率\t99.9%以上\n'
      '\t\t計画停止の通知\t7日前までに通知\n'
      'セキュリティ\t4\t暗号化の方式\tTLS1.2以上で通信を暗号化\n')
    # Section rows `N. …`, subsection rows, items `N<TAB>項目<TAB>要件<TAB>実施内容`.
    w('guideline.txt',
      'kotae サンプル 対策状況\n\n'
      '1. 組織的対策\n'
      '1.1 体制\n'
      '1\t責任者\t責任者を任命すること\t情報セキュリティ責任者を任命済み\n'
      '2\t教育\t従業員を教育すること\t年1回の研修を実施\n'
      '2. 物理的対策\n'
      '3\t入退室\t入退室を記録すること\tICカードで記録\n')
    # SLA template: No, 種別, 項目, 規定内容, 測定単位, 回答.
    w('sla.txt',
      '■ kotae サンプル SLA\n\n'
      'No.\t種別\t項目\t規定内容\t測定単位\t回答\n'
      '可用性\t\t\t\t\t\n'
      '1\t可用性\tサービス時間\tサービスを提供する時間帯\t時間帯\t24時間365日\n'
      '2\t\t計画停止予定通知\t定期保守の事前通知\t有無\t有り\n'
      '3\t信頼性\t平均復旧時間\t障害から復旧までの時間\t時間\t4時間以内\n')
    # Control checklist with a ○/× result column.
    w('checklist.txt',
      '管理策\tチェック内容\t結果\n'
      '5.1.1 方針\t方針を文書化していますか\t○\n'
      '6.1.1 役割\t責任を割り当てていますか\t○\n'
      '9.4.1 アクセス制限\t情報へのアクセスを制限していますか\t×\n')
    # English questionnaire pasted as text.
    w('english.txt',
      'Vendor Security Questionnaire\n\n'
      'ID\tQuestion\tAnswer\tComments\n'
      'Application Security\t\t\t\n'
      'APP-01\tDo you perform code review?\tYes\t\n'
      'APP-02\tDo you run a web application firewall?\tNo\tplanned\n')


def xlsx_parts_seeds(out):
    """Inputs of xlsx_parts_fuzz: the XML parts of each xlsx seed joined by the byte 0x01
    (sheet1.xml, sharedStrings.xml, workbook.xml, workbook.xml.rels; see xlsx_parts_fuzz.cc)."""
    source = os.path.join(HERE, 'xlsx')
    for name in sorted(os.listdir(source)):
        with zipfile.ZipFile(os.path.join(source, name)) as z:
            def part(entry):
                return z.read(entry) if entry in z.namelist() else b''
            joined = b'\x01'.join([part('xl/worksheets/sheet1.xml'), part('xl/sharedStrings.xml'),
                                    part('xl/workbook.xml'), part('xl/_rels/workbook.xml.rels')])
        with open(os.path.join(out, name.replace('.xlsx', '.parts')), 'wb') as f:
            f.write(joined)


def prose_seeds(out):
    def w(name, data):
        write_seed(out, name, data)
    # Markdown policy: ATX headings, a list, a table, a code block, a rule.
    w('policy.md', (
        '# kotae サンプル 情報セキュリティ基本方針\n\n'
        '## 1. 目的\n\n'
        '本方針は、架空株式会社が取り扱う情報資産を保護するための基本的な考え方を定める。\n\n'
        '## 2. アクセス管理\n\n'
        '### 2.1 認証\n\n'
        '- 管理者アカウントには多要素認証を必須とする。\n'
        '- パスワードは12文字以上とする。\n\n'
        '| 区分 | 保存期間 |\n|---|---|\n| 操作ログ | 1年 |\n\n'
        '```\nlog_retention = 365d\n```\n\n'
        '---\n\n'
        '## 3. Encryption ##\n\n'
        'Customer data is encrypted at rest with AES-256 and in transit with TLS 1.2 or later.\n'
    ).encode('utf-8'))
    # Plain text with numbered headings (第N章, N.N, （N）), a title and heuristic headings.
    w('policy_numbered.txt', (
        'kotae サンプル 情報セキュリティ規程\n\n'
        '第1章 総則\n'
        '第1条（目的）\n'
        'この規程は、情報セキュリティ対策の実施に必要な事項を定める。\n'
        '第2章 運用\n'
        '1. バックアップ\n'
        '1.1 取得\n'
        'バックアップは毎日取得し、3世代を遠隔地に保管する。\n'
        '（1）復旧手順は年1回訓練する。\n'
        '2．ログ管理\n'
        '操作ログは1年間保存し、\n月次で点検する。\n'
        '\n'
        '脆弱性管理\n'
        '重要な脆弱性は公開から30日以内に修正する。\n'
    ).encode('utf-8'))
    # Japanese FAQ: Q1./A1. pairs, 【質問】/【回答】 pairs, a section title between groups, a
    # continuation line, full-width markers; CRLF line ends.
    w('faq_ja.txt', (
        'kotae サンプル よくあるご質問\r\n\r\n'
        'Q1. 通信は暗号化されていますか？\r\n'
        'A1. はい。TLS1.2以上で暗号化しています。\r\n'
        'Q2. 多要素認証に対応していますか？\r\n'
        'A2. はい。\r\n'
        '管理画面ではワンタイムパスワードを利用できます。\r\n'
        'データ管理\r\n'
        '【質問】バックアップは何世代保管していますか\r\n'
        '【回答】7世代を別リージョンに保管しています。\r\n'
        '■Ｑ３．解約後のデータはどうなりますか\r\n'
        '■Ａ３．30日以内に消去します。\r\n'
        '問4 ログの保存期間は？\r\n'
        '答4 1年間です。\r\n'
    ).encode('utf-8'))
    # English FAQ with Markdown emphasis markers; UTF-8 with BOM so DecodeText strips it.
    w('faq_en.md', b'\xef\xbb\xbf' + (
        '# Security FAQ\n\n'
        '## Access\n\n'
        '**Q:** Do you support single sign-on?\n'
        '**A:** Yes, via SAML 2.0 and OpenID Connect.\n\n'
        '**Q:** Is access revoked when an employee leaves?\n'
        '**A:** Yes. Access is revoked within 24 hours of termination.\n\n'
        '## Data\n\n'
        '- Q. Are backups encrypted?\n'
        '- A. Yes, with keys that are rotated every year.\n'
        '[Q3] Where is data stored?\n'
        '[A3] In two data centres in Japan.\n'
    ).encode('utf-8'))
    # The Japanese FAQ in Shift_JIS, so the CP932 path of DecodeText feeds the reader too.
    w('faq_sjis.txt', ('Q1. 通信は暗号化されていますか\n'
                       'A1. はい。\n'
                       'Q2. 監査ログを取得していますか\n'
                       'A2. はい、1年間保存しています。\n').encode('cp932'))


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_parts_seeds(out):
    """Inputs of docx_parts_fuzz: word/document.xml, then optionally 0x01 and word/styles.xml."""
    def para(text, style=''):
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ''
        return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'

    def document(body):
        return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>{body}</w:body></w:document>'

    styles = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W_NS}>'
              '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/>'
              '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>')
    # English style ids, a table and a content control.
    write_seed(out, 'policy_styles.bin', document(
        para('kotae サンプル 情報セキュリティ方針', 'Title')
        + para('1. アクセス管理', 'Heading1')
        + para('管理者アカウントには多要素認証を必須とする。')
        + para('1.1 パスワード', 'Heading2')
        + para('パスワードは12文字以上とする。')
        + '<w:tbl><w:tr><w:tc>' + para('操作ログ') + '</w:tc><w:tc>' + para('1年') + '</w:tc></w:tr></w:tbl>'
        + '<w:sdt><w:sdtContent>' + para('2. Encryption', 'Heading1')
        + para('Data is encrypted at rest with AES-256.') + '</w:sdtContent></w:sdt>').encode('utf-8'))
    # Japanese Word: numeric style ids that only styles.xml names as headings.
    write_seed(out, 'policy_numeric_styles.bin', (document(
        para('バックアップ', '1') + para('毎日取得し、7世代保管する。')
        + para('ログ管理', '2') + para('操作ログは1年間保存する。')) + '\x01' + styles).encode('utf-8'))
    # Numbered headings without styles, as plain paragraphs.
    write_seed(out, 'policy_numbered.bin', document(
        para('第1章 総則') + para('この規程は情報セキュリティ対策を定める。')
        + para('1. 脆弱性管理') + para('重要な脆弱性は30日以内に修正する。')).encode('utf-8'))


def vocabulary_seeds(out):
    def w(name, text):
        write_seed(out, name, text.encode('utf-8'))
    # Five-field lines with ISO controls, broader chains (forward references too), Japanese,
    # ASCII and multi-word English forms (the stem pass), comments and blank lines.
    w('small.tsv',
      '# kotae fuzz seed vocabulary\n'
      '# version: seed-1\n'
      '\n'
      '# Access\n'
      'mfa\tA.8.5\tauthentication\t多要素認証|二要素認証|MFA\tMFA|two-factor authentication|'
      'multi-factor authentication\n'
      'authentication\tA.8.5\t\t認証|本人確認\tauthentication|authenticate\n'
      'access_revocation\tA.5.18\taccess_control\tアクセス権の削除|権限の削除\t'
      'revoke access|access removal|remove access rights\n'
      'access_control\tA.5.15\t\tアクセス制御\taccess control\n'
      '\n'
      '# Cryptography\n'
      'encryption\tA.8.24\t\t暗号化|暗号\tencrypt|encrypted|encryption\n'
      'key_rotation\tA.8.24\tencryption,key_management\t鍵の更新|鍵のローテーション\t'
      'key rotation|rotate keys\n'
      'key_management\tA.8.24\tencryption\t鍵管理\tkey management\n')
    # What the parser tolerates beyond data/README.md (scripts/check_vocabulary.py refuses it):
    # CRLF line ends, a BOM, '|' forms padded with spaces, English-only and Japanese-only concepts.
    w('crlf_bom.tsv',
      '\ufeff# version: 2026.01-seed\r\n'
      'logging\tA.8.15\t\tログ|ログ取得\tlog|logs|logging\r\n'
      'log_retention\tA.8.15\tlogging\tログの保存期間|ログの保管\tlog retention|retain logs\r\n'
      'sla\t\t\tサービスレベル | SLA \t\r\n'
      'uptime\t\tsla\t\tuptime|service availability|availability target\r\n')
    # General check-sheet terms (no iso_control), a broader link between them.
    w('general.tsv',
      '# version: general-seed\n'
      '# General check-sheet terms\n'
      'contact\t\t\t窓口|問い合わせ窓口\tcontact|point of contact|contact person\n'
      'notification\t\t\t通知|連絡\tnotification|notify|notified\n'
      'person_in_charge\t\tcontact\t責任者\tperson in charge|responsible person\n')


def main():
    for name, make in (('xlsx', xlsx_seeds), ('xlsx_parts', xlsx_parts_seeds), ('csv', csv_seeds),
                       ('text_table', text_table_seeds), ('prose', prose_seeds),
                       ('vocabulary', vocabulary_seeds), ('docx_parts', docx_parts_seeds)):
        out = os.path.join(HERE, name)
        os.makedirs(out, exist_ok=True)
        make(out)


if __name__ == '__main__':
    main()
