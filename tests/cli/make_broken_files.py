#!/usr/bin/env python3
"""Writes kotae's broken-input corpus into OUTDIR (generated, so nothing large is committed).

Each file name says what is wrong with it. The build writes the corpus (target
cli_broken_corpus); bad_input_test.cc has one case per file and runs `kotae parse` on it,
checking the exit code, the one-line error, that no file is left behind and the peak memory.
"""
import os, random, struct, sys, zipfile, zlib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = random.Random(1125)

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
WBRELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def sheet(rows_xml, head=''):
    return f'<?xml version="1.0" encoding="UTF-8"?>{head}<worksheet {NS}><sheetData>{rows_xml}</sheetData></worksheet>'


GOOD_ROWS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>No.</t></is></c><c r="B1" t="inlineStr"><is><t>質問</t></is></c>'
             '<c r="C1" t="inlineStr"><is><t>回答</t></is></c></row>'
             '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>バックアップを取得していますか</t></is></c></row>')


def workbook(path, sheet_xml=None, shared=None, extra=None, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, 'w', compression) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', WB)
        z.writestr('xl/_rels/workbook.xml.rels', WBRELS)
        z.writestr('xl/worksheets/sheet1.xml', sheet_xml if sheet_xml is not None else sheet(GOOD_ROWS))
        if shared is not None:
            z.writestr('xl/sharedStrings.xml', shared)
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def w(name, data):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode())


# --- xlsx / zip ---
w('empty.xlsx', b'')
w('random_bytes.xlsx', bytes(rng.getrandbits(8) for _ in range(4096)))
workbook(os.path.join(out, 'good.xlsx'))  # reference: must parse (exit 0)
good = open(os.path.join(out, 'good.xlsx'), 'rb').read()
w('truncated.xlsx', good[: len(good) // 2])
w('zip_header_only.xlsx', good[:30])
with zipfile.ZipFile(os.path.join(out, 'not_a_workbook.xlsx'), 'w') as z:
    z.writestr('hello.txt', 'just a zip')
workbook(os.path.join(out, 'dtd_in_shared_strings.xlsx'),
         sheet(GOOD_ROWS.replace('t="inlineStr"><is><t>No.</t></is>', 't="s"><v>0</v>')),
         shared='<?xml version="1.0"?><!DOCTYPE sst [<!ELEMENT sst ANY>]><sst ' + NS + '><si><t>x</t></si></sst>')
laughs = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' + ''.join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + ']>'
workbook(os.path.join(out, 'billion_laughs.xlsx'),
         sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&j;</t></is></c></row>', laughs))
workbook(os.path.join(out, 'malformed_sheet_xml.xlsx'), '<worksheet><sheetData><row><c><v>1</v></row>')
workbook(os.path.join(out, 'shared_string_index_out_of_range.xlsx'),
         sheet('<row r="1"><c r="A1" t="s"><v>999999</v></c></row>'),
         shared='<?xml version="1.0"?><sst ' + NS + '><si><t>only</t></si></sst>')
workbook(os.path.join(out, 'missing_shared_strings.xlsx'), sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))
workbook(os.path.join(out, 'far_cell_reference.xlsx'),
         sheet('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row>'))
workbook(os.path.join(out, 'dimension_lies.xlsx'),
         f'<?xml version="1.0"?><worksheet {NS}><dimension ref="A1:XFD1048576"/><sheetData>{GOOD_ROWS}</sheetData></worksheet>')
workbook(os.path.join(out, 'ten_megabyte_cell.xlsx'),
         sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>' + 'あ' * (10 * 1024 * 1024 // 3) + '</t></is></c></row>'))
workbook(os.path.join(out, 'deep_nesting.xlsx'), sheet('<x>' * 200000 + '</x>' * 200000))
# Actual bomb: 300 MiB of spaces deflates to ~300 KiB (ratio ~1000) and exceeds the per-part limit.
with zipfile.ZipFile(os.path.join(out, 'zip_bomb_actual_size.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in (('[Content_Types].xml', CT), ('_rels/.rels', RELS), ('xl/workbook.xml', WB),
                       ('xl/_rels/workbook.xml.rels', WBRELS)):
        z.writestr(name, data)
    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
        f.write(('<?xml version="1.0"?><worksheet ' + NS + '><sheetData>').encode())
        chunk = b' ' * (1 << 20)
        for _ in range(300):
            f.write(chunk)
        f.write(b'</sheetData></worksheet>')
# Ratio only: 8 MiB of spaces (well under the size limits, ratio far over 200).
workbook(os.path.join(out, 'zip_extreme_ratio.xlsx'), sheet(' ' * (8 << 20) + GOOD_ROWS))
# Declared bomb: a valid workbook whose headers claim a 4 GiB sheet.
workbook(os.path.join(out, 'declared.tmp'))
data = bytearray(open(os.path.join(out, 'declared.tmp'), 'rb').read())
os.remove(os.path.join(out, 'declared.tmp'))
name = b'xl/worksheets/sheet1.xml'
for sig, size_off in ((b'PK\x03\x04', 22), (b'PK\x01\x02', 24)):
    at = 0
    while True:
        at = data.find(sig, at)
        if at < 0:
            break
        name_off = at + (30 if sig == b'PK\x03\x04' else 46)
        if data[name_off:name_off + len(name)] == name:
            struct.pack_into('<I', data, at + size_off, 0xFFFFFFF0)
        at += 4
w('zip_bomb_declared_size.xlsx', bytes(data))

# --- csv / text ---
w('random_bytes.csv', bytes(rng.getrandbits(8) for _ in range(4096)))
w('invalid_utf8_not_cp932.csv', b'No.,question\n1,\x80\x80\xff\xfe\xfd\n')
w('unbalanced_quote.csv', 'No.,質問,回答\n1,"バックアップ,有り\n2,暗号化,有り\n')
w('utf16_odd_length.csv', b'\xff\xfeN\x00o\x00,\x00q\x00\n')
w('nul_bytes.txt', b'title\x00\x00\x00\nNo.\tq\x00\ta\n')
with open(os.path.join(out, 'million_and_one_rows.csv'), 'w') as f:
    f.write('No.,質問,回答\n')
    f.write('1,q,a\n' * 1000001)
w('ten_megabyte_cell.csv', 'No.,質問,回答\n1,"' + 'x' * (10 << 20) + '",a\n')
w('garbage.pdf', b'%PDF-1.7\n' + bytes(rng.getrandbits(8) for _ in range(4096)))
w('pdf_header_only.pdf', b'%PDF-')
w('random_bytes.txt', bytes(rng.getrandbits(8) for _ in range(4096)))
with zipfile.ZipFile(os.path.join(out, 'docx_without_document.docx'), 'w') as z:
    z.writestr('word/styles.xml', '<w:styles/>')
# Flip bytes inside the compressed sheet: the CRC (or the inflate) must catch it.
bad = bytearray(good)
at = bad.find(b'xl/worksheets/sheet1.xml') + len('xl/worksheets/sheet1.xml') + 4
for i in range(at, min(at + 40, len(bad))):
    bad[i] ^= 0x5A
w('corrupt_compressed_sheet.xlsx', bytes(bad))
os.makedirs(os.path.join(out, 'a_directory.xlsx'), exist_ok=True)
print(len(os.listdir(out)))
