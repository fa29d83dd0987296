// Bad input, one file at a time, through the built `kotae parse FILE`.
//
// Every case states what kotae must do with a broken or hostile file: refuse it (exit 2, exactly
// one line on stderr naming the file) or, where the file is merely odd, read it (exit 0 and
// nothing on stderr). No case may end by a signal, and none may leave a file behind: the child
// runs in an empty working directory with its own TMPDIR, and both, like the input's
// directory, must hold the same files afterwards. Peak memory (ru_maxrss from wait4) must stay
// under kMaxRssKiB (1 GiB, the bound documented in fuzz/README.md); the check is skipped under
// AddressSanitizer, whose shadow memory inflates RSS.
//
// The inputs come from three places, one table for all:
//   - fixtures/broken/: small files, committed (make_fixtures.py regenerates them);
//   - make_broken_files.py: the generated broken-input corpus, written at build time into
//     KOTAE_BROKEN_CORPUS (so nothing large is committed);
//   - this file: the biggest ones (2 GiB zip bombs, the 1,000,001-record CSV, 10 MB cells),
//     written at run time.
// Inputs a fuzzer once crashed on live in fixtures/broken/fuzz_crashes/ and are all run too.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "support/run_command.h"
#include "support/zip_bytes.h"

namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Peak resident memory a `kotae parse` of any input may reach: 1 GiB. The readers' own limits
// (256 MiB per file, 256 MiB per zip part, 1 GiB inflated in all, CSV at 1,000,000 records)
// keep real use far below it.
constexpr long kMaxRssKiB = 1024L * 1024L;
// CPU seconds after which the child is killed (SIGXCPU): a hang fails the case, not the suite.
constexpr unsigned kCpuSeconds = 300;

const fs::path kFixtures = fs::path(KOTAE_TEST_DIR) / "fixtures" / "broken";
const fs::path kCorpus = KOTAE_BROKEN_CORPUS;

using kotae::test::CommandResult;

// Runs `kotae parse input` with `cwd` as working directory and `tmp` as TMPDIR; stdout is
// discarded, stderr kept.
CommandResult RunParse(const fs::path& input, const fs::path& cwd, const fs::path& tmp) {
  kotae::test::CommandOptions options;
  options.cwd = cwd;
  options.env["TMPDIR"] = tmp.string();
  // A sanitized kotae keeps ICU's process-lifetime caches; leak reports are not this test.
  if (std::getenv("ASAN_OPTIONS") == nullptr) options.env["ASAN_OPTIONS"] = "detect_leaks=0";
  options.cpu_seconds = kCpuSeconds;
  options.discard_stdout = true;
  return kotae::test::RunCommand({KOTAE_BINARY, "parse", input.string()}, options);
}

std::set<std::string> Listing(const fs::path& dir) {
  std::set<std::string> names;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    names.insert(fs::relative(it->path(), dir).string());
  }
  return names;
}

// ----- writers for the inputs generated at run time

void WriteBytes(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << path;
}

using kotae::test::ZipMember;

ZipMember Stored(std::string name, const std::string& data) {
  return kotae::test::StoredMember(std::move(name), data);
}

// Raw deflate of `prefix`, then `repeat` times `chunk`, then `suffix`, streamed so that a
// 2 GiB member never exists in memory uncompressed.
ZipMember Deflated(std::string name, const std::string& prefix, const std::string& chunk,
                   std::uint64_t repeat, const std::string& suffix) {
  ZipMember m;
  m.name = std::move(name);
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::vector<unsigned char> out(1 << 16);
  uLong crc = crc32(0, nullptr, 0);
  std::uint64_t total = 0;
  auto feed = [&](const std::string& data, int flush) {
    crc = crc32(crc, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
    total += data.size();
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    do {
      z.next_out = out.data();
      z.avail_out = static_cast<uInt>(out.size());
      deflate(&z, flush);
      m.payload.append(reinterpret_cast<const char*>(out.data()), out.size() - z.avail_out);
    } while (z.avail_out == 0);
  };
  feed(prefix, Z_NO_FLUSH);
  for (std::uint64_t i = 0; i < repeat; ++i) feed(chunk, Z_NO_FLUSH);
  feed(suffix, Z_FINISH);
  deflateEnd(&z);
  m.crc = static_cast<std::uint32_t>(crc);
  EXPECT_LT(total, std::uint64_t{1} << 32) << "members here stay below the zip64 threshold";
  m.size = m.declared_size = static_cast<std::uint32_t>(total);
  return m;
}

ZipMember Deflated(std::string name, const std::string& data) {
  return Deflated(std::move(name), data, "", 0, "");
}

void WriteZip(const fs::path& path, const std::vector<ZipMember>& members) {
  WriteBytes(path, kotae::test::ZipBytes(members));
}

constexpr char kMainNs[] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr char kRelNs[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// The parts of a one-sheet workbook other than the sheet itself.
std::vector<ZipMember> WorkbookFrame() {
  const std::string pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
  return {
      Deflated("[Content_Types].xml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
               "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
               "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
               "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"),
      Deflated("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" +
                                  pkg + "\"><Relationship Id=\"rId1\" Type=\"" + kRelNs +
                                  "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
      Deflated("xl/workbook.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                              "<workbook xmlns=\"") +
                                      kMainNs + "\" xmlns:r=\"" + kRelNs +
                                      "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
                                      "</sheets></workbook>"),
      Deflated("xl/_rels/workbook.xml.rels",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + pkg +
                   "\"><Relationship Id=\"rId1\" Type=\"" + kRelNs +
                   "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
  };
}

const std::string kSheetHead = std::string(
                                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                                   "xmlns=\"") +
                               kMainNs + "\"><sheetData>";
const std::string kSheetTail = "</sheetData></worksheet>";
const std::string kHeaderRow =
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>No.</t></is></c><c r=\"B1\" "
    "t=\"inlineStr\"><is><t>質問</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>回答</t></is>"
    "</c></row>";

void WriteWorkbook(const fs::path& path, ZipMember sheet) {
  std::vector<ZipMember> members = WorkbookFrame();
  members.push_back(std::move(sheet));
  WriteZip(path, members);
}

// 2 GiB of zero bytes inside the sheet, deflated (about 2 MiB on disk). Built once and shared
// by the honest and the lying variant.
const ZipMember& TwoGibOfZeros() {
  static const ZipMember* member = [] {
    return new ZipMember(Deflated("xl/worksheets/sheet1.xml", kSheetHead,
                                  std::string(1 << 20, '\0'), 2048, kSheetTail));
  }();
  return *member;
}

// Text of `bytes` pseudo-random lowercase letters: compresses about 1.6:1, so a 10 MB cell is
// not refused for its compression ratio before the reader ever sees it.
std::string Letters(std::size_t bytes) {
  std::string s(bytes, 'a');
  std::uint32_t x = 2463534242u;
  for (char& c : s) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<char>('a' + x % 26);
  }
  return s;
}

// ----- the cases

using Make = std::function<void(const fs::path&)>;

// Where a case's input comes from.
enum class From {
  kFixture,  // committed under fixtures/broken/
  kCorpus,   // written at build time by make_broken_files.py into kCorpus
  kMade,     // written here at run time by `make` (which may write nothing: a missing file)
};

struct Case {
  From from;
  std::string file;  // base name of the input
  int expect;        // 2: refused; 0: odd but readable
  Make make;         // kMade only
};

Case Fixture(std::string file, int expect) { return {From::kFixture, std::move(file), expect, {}}; }
Case Corpus(std::string file, int expect) { return {From::kCorpus, std::move(file), expect, {}}; }
Case Made(std::string file, int expect, Make make) {
  return {From::kMade, std::move(file), expect, std::move(make)};
}

std::vector<Case> Cases() {
  return {
      // --- committed, zip containers
      Fixture("truncated.xlsx", 2),                   // central directory cut off
      Fixture("zip_signature_then_garbage.xlsx", 2),  // "PK\3\4" then random bytes
      Fixture("not_a_workbook.xlsx", 2),              // a zip holding only readme.txt
      // A Word document named .xlsx: kotae tells formats by content, not extension, and reads
      // the document's passages, as it would for the same file named .docx.
      Fixture("docx_like.xlsx", 0),
      // --- committed, XML inside a workbook
      Fixture("dtd_in_shared_strings.xlsx", 2),          // any DTD is refused
      Fixture("billion_laughs_shared_strings.xlsx", 2),  // nested entities in sharedStrings.xml
      Fixture("billion_laughs_sheet.xlsx", 2),           // the same in a worksheet
      Fixture("external_entity_sheet.xlsx", 2),          // SYSTEM entity: never resolved
      Fixture("sheet_not_well_formed.xlsx", 2),          // mismatched tags, unclosed root
      // t="s" cells with no sharedStrings.xml: the cells are blank, the rest of the sheet is
      // read; Excel itself repairs such files the same way.
      Fixture("missing_shared_strings.xlsx", 0),
      // index 4294967296 into a two-string table: blank cell, not an out-of-bounds read.
      Fixture("shared_string_index_out_of_range.xlsx", 0),
      // <dimension ref="A1:XFD1048576"/> and a real cell at XFD1048576: the dimension is only
      // a hint and the far cell is legal (the last one Excel allows), so the sheet is read;
      // it must not allocate the 17-billion-cell rectangle.
      Fixture("dimension_and_cell_at_xfd1048576.xlsx", 0),
      // --- committed, empty and random bytes
      Fixture("empty.xlsx", 2),
      Fixture("empty.csv", 2),
      Fixture("empty.txt", 2),
      Fixture("random_bytes.xlsx", 2),
      Fixture("random_bytes.csv", 2),
      Fixture("random_bytes.txt", 2),
      // --- committed, encodings and CSV structure
      Fixture("invalid_utf8_not_cp932.csv", 2),
      Fixture("unbalanced_quote.csv", 2),
      Fixture("utf16_odd_byte_count.csv", 2),
      Fixture("nul_bytes.txt", 2),
      Fixture("garbage_body.pdf", 2),  // valid %PDF header, random body

      // --- make_broken_files.py, xlsx and zip (what is wrong is in each file's name)
      Corpus("good.xlsx", 0),  // the reference workbook the others are broken from
      Corpus("empty.xlsx", 2),
      Corpus("random_bytes.xlsx", 2),
      Corpus("truncated.xlsx", 2),
      Corpus("zip_header_only.xlsx", 2),
      Corpus("not_a_workbook.xlsx", 2),
      Corpus("corrupt_compressed_sheet.xlsx", 2),  // the CRC or the inflate catches it
      Corpus("dtd_in_shared_strings.xlsx", 2),
      Corpus("billion_laughs.xlsx", 2),
      Corpus("malformed_sheet_xml.xlsx", 2),
      Corpus("deep_nesting.xlsx", 2),
      Corpus("dimension_lies.xlsx", 0),          // <dimension> is a hint, never trusted
      Corpus("far_cell_reference.xlsx", 0),      // one cell at XFD1048576: stored sparsely
      Corpus("missing_shared_strings.xlsx", 0),  // reference to an absent table: blank
      Corpus("shared_string_index_out_of_range.xlsx", 0),  // same: blank cell, not a crash
      Corpus("ten_megabyte_cell.xlsx", 2),       // deflated 10 MB of one character: the ratio
      Corpus("zip_bomb_actual_size.xlsx", 2),    // a 300 MiB part, honestly declared
      Corpus("zip_bomb_declared_size.xlsx", 2),  // headers claim a 4 GiB sheet
      Corpus("zip_extreme_ratio.xlsx", 2),       // 8 MiB of spaces: small, ratio far over 200
      Corpus("a_directory.xlsx", 2),
      // --- make_broken_files.py, csv, text, pdf, docx
      Corpus("random_bytes.csv", 2),
      Corpus("invalid_utf8_not_cp932.csv", 2),
      Corpus("unbalanced_quote.csv", 2),
      Corpus("utf16_odd_length.csv", 2),
      Corpus("million_and_one_rows.csv", 2),
      Corpus("ten_megabyte_cell.csv", 2),
      Corpus("nul_bytes.txt", 2),
      Corpus("random_bytes.txt", 2),
      Corpus("garbage.pdf", 2),
      Corpus("pdf_header_only.pdf", 2),
      Corpus("docx_without_document.docx", 2),

      // --- written here: zip bombs
      Made("zip_bomb_declared_size.xlsx", 2,
           [](const fs::path& p) {
             ZipMember sheet =
                 Deflated("xl/worksheets/sheet1.xml", kSheetHead + kHeaderRow + kSheetTail);
             sheet.declared_size = 0xFFFFFFF0u;  // claims almost 4 GiB
             WriteWorkbook(p, std::move(sheet));
           }),
      Made("zip_bomb_2gib_zeros.xlsx", 2,
           [](const fs::path& p) { WriteWorkbook(p, TwoGibOfZeros()); }),
      // The same 2 GiB member whose headers claim 4 KiB: only the inflater's own count of
      // bytes can stop it.
      Made("zip_bomb_2gib_zeros_declared_small.xlsx", 2,
           [](const fs::path& p) {
             ZipMember sheet = TwoGibOfZeros();
             sheet.declared_size = 4096;
             WriteWorkbook(p, std::move(sheet));
           }),
      // The same member claiming 200 MiB: under the per-part limit and, against about 2 MiB
      // compressed, under the ratio limit too, so it is inflated until it overruns.
      Made("zip_bomb_2gib_zeros_declared_200mib.xlsx", 2,
           [](const fs::path& p) {
             ZipMember sheet = TwoGibOfZeros();
             sheet.declared_size = 200u << 20;
             WriteWorkbook(p, std::move(sheet));
           }),
      // 64 MiB of spaces (under every size limit) in about 64 KiB: a ratio near 1000.
      Made("zip_extreme_ratio.xlsx", 2,
           [](const fs::path& p) {
             WriteWorkbook(p, Deflated("xl/worksheets/sheet1.xml", kSheetHead + kHeaderRow,
                                       std::string(1 << 20, ' '), 64, kSheetTail));
           }),
      // --- written here: size limits
      Made("million_and_one_records.csv", 2,
           [](const fs::path& p) {
             std::string csv = "No.,質問,回答\n";
             csv.reserve(12 << 20);
             for (int i = 0; i < 1'000'001; ++i) csv += "1,q,a\n";
             WriteBytes(p, csv);
           }),
      // One 10 MB cell, over the CSV reader's 1 MiB cell limit.
      Made("ten_megabyte_cell.csv", 2,
           [](const fs::path& p) {
             WriteBytes(p, "No.,質問,回答\n1,\"" + Letters(10'000'000) + "\",有り\n");
           }),
      // The same in a workbook (stored, ratio 1): xlsx text is bounded per workbook
      // (256 MiB), not per cell, so a long cell is read like any other.
      Made("ten_megabyte_cell.xlsx", 0,
           [](const fs::path& p) {
             WriteWorkbook(p, Stored("xl/worksheets/sheet1.xml",
                                     kSheetHead + kHeaderRow +
                                         "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" "
                                         "t=\"inlineStr\"><is><t>" +
                                         Letters(10'000'000) + "</t></is></c></row>" + kSheetTail));
           }),
      // --- written here: files that are not what their name says
      // An OLE compound file: an Excel 97-2003 workbook, or an xlsx with a password.
      Made("legacy_excel.xls", 2,
           [](const fs::path& p) {
             WriteBytes(p, std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + Letters(4096));
           }),
      Made("password_protected.xlsx", 2,
           [](const fs::path& p) {
             WriteBytes(p, std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + Letters(4096));
           }),
      // A renamed CSV or text file: the extension promised a container that is not there.
      Made("csv_named.xlsx", 2, [](const fs::path& p) { WriteBytes(p, "No.,質問,回答\n1,q,a\n"); }),
      Made("text_named.pdf", 2, [](const fs::path& p) { WriteBytes(p, "情報セキュリティ方針\n"); }),
      // --- written here: not files
      Made("a_directory.xlsx", 2, [](const fs::path& p) { fs::create_directory(p); }),
      Made("no_such_file.csv", 2, [](const fs::path&) {}),
      Made("no_such_file.xlsx", 2, [](const fs::path&) {}),
  };
}

// gtest prints a failing case by where its input comes from and its file name.
std::string CaseName(const Case& c) {
  static constexpr const char* kFrom[] = {"fixture_", "corpus_", "made_"};
  std::string name = kFrom[static_cast<int>(c.from)] + c.file;
  for (char& ch : name) {
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}
void PrintTo(const Case& c, std::ostream* os) { *os << CaseName(c); }

class BadInputTest : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "kotae_bad_input.XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    for (const char* sub : {"in", "cwd", "tmp"}) fs::create_directory(root_ / sub);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  // Runs `kotae parse` on `input` and checks everything but the exit code.
  CommandResult Check(const fs::path& input) {
    const std::set<std::string> in_before = Listing(input.parent_path());
    const CommandResult run = RunParse(input, root_ / "cwd", root_ / "tmp");
    EXPECT_TRUE(run.exited) << "killed by signal " << run.signal << "; stderr: " << run.err;
    if (!kSanitized) {
      EXPECT_LT(run.max_rss_kib, kMaxRssKiB) << "peak RSS " << run.max_rss_kib << " KiB";
    }
    EXPECT_EQ(Listing(input.parent_path()), in_before) << "files appeared next to the input";
    EXPECT_TRUE(Listing(root_ / "cwd").empty()) << "files left in the working directory";
    EXPECT_TRUE(Listing(root_ / "tmp").empty()) << "files left in TMPDIR";
    return run;
  }

  fs::path root_;
};

// "a\n" is one line; "", "a" (no newline) and "a\nb\n" are not.
bool ExactlyOneLine(const std::string& text) {
  return !text.empty() && text.back() == '\n' && std::count(text.begin(), text.end(), '\n') == 1;
}

TEST_P(BadInputTest, RefusedWithOneLineOrRead) {
  const Case& c = GetParam();
  fs::path input;
  switch (c.from) {
    case From::kFixture:
      input = kFixtures / c.file;
      ASSERT_TRUE(fs::exists(input)) << "missing fixture; run fixtures/broken/make_fixtures.py";
      break;
    case From::kCorpus:
      input = kCorpus / c.file;
      ASSERT_TRUE(fs::exists(input)) << "missing from the generated corpus " << kCorpus
                                     << "; build the cli_broken_corpus target";
      break;
    case From::kMade:
      input = root_ / "in" / c.file;
      c.make(input);
      if (HasFatalFailure()) return;
      break;
  }
  const CommandResult run = Check(input);
  EXPECT_EQ(run.exit_code, c.expect) << "stderr: " << run.err;
  if (c.expect == 2) {
    EXPECT_TRUE(ExactlyOneLine(run.err)) << "stderr: [" << run.err << "]";
    EXPECT_NE(run.err.find(c.file), std::string::npos)
        << "stderr does not name the file: " << run.err;
  } else {
    EXPECT_EQ(run.err, "") << "a readable file must not produce an error line";
  }
}

INSTANTIATE_TEST_SUITE_P(Broken, BadInputTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return CaseName(info.param);
                         });

// Every committed fixture and every file of the generated corpus is in the table above, so
// none is silently skipped.
TEST(BadInputFixtures, EveryFixtureHasACase) {
  std::set<std::string> listed;
  for (const Case& c : Cases()) {
    if (c.from == From::kFixture) listed.insert(c.file);
  }
  for (const auto& entry : fs::directory_iterator(kFixtures)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    if (name == "make_fixtures.py") continue;
    EXPECT_TRUE(listed.count(name)) << name << " has no case in bad_input_test.cc";
  }
  EXPECT_GE(Cases().size(), 25u);
}

TEST(BadInputFixtures, EveryCorpusFileHasACase) {
  ASSERT_TRUE(fs::is_directory(kCorpus)) << kCorpus << " missing; build cli_broken_corpus";
  std::set<std::string> listed;
  int broken = 0;
  for (const Case& c : Cases()) {
    if (c.from != From::kCorpus) continue;
    listed.insert(c.file);
    broken += c.expect == 2;
  }
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(listed.count(name)) << name << " (make_broken_files.py) has no case";
  }
  EXPECT_GE(broken, 25) << "the corpus must hold at least 25 broken inputs";
}

// Inputs a fuzzer crashed on (fixtures/broken/fuzz_crashes/<reader>-<name>.<ext>, see
// fuzz/README.md): each must now be refused with one line or read, like any other file.
TEST_F(BadInputTest, FuzzCrashReproducers) {
  const fs::path dir = kFixtures / "fuzz_crashes";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no fuzz crash reproducers yet";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    const CommandResult run = Check(entry.path());
    EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 2)
        << "exit " << run.exit_code << ": " << run.err;
    if (run.exit_code == 2) {
      EXPECT_TRUE(ExactlyOneLine(run.err)) << "stderr: [" << run.err << "]";
      EXPECT_NE(run.err.find(name), std::string::npos) << run.err;
    }
  }
}

}  // namespace
