// Read-only access to a zip container (xlsx, docx) through libzip, with the limits that keep a
// hostile file from exhausting memory: at most kMaxEntries entries, each entry's declared and
// actual uncompressed size at most kMaxEntryBytes, the sum at most kMaxTotalBytes, and a
// compression ratio above kMaxRatio refused (zip bombs).
//
// A ZipArchive owns the libzip handle and the in-memory buffer it reads from; it is movable,
// not copyable, and not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kotae::sheet {

struct ZipLimits {
  std::uint64_t max_entries = 10000;
  std::uint64_t max_entry_bytes = 256ull << 20;   // 256 MiB uncompressed per part
  std::uint64_t max_total_bytes = 1ull << 30;     // 1 GiB uncompressed in all parts read
  std::uint64_t max_ratio = 200;                  // uncompressed / compressed
};

class ZipArchive {
 public:
  // `data` is the whole file; `name` is used in error messages.
  static Result<ZipArchive> Open(std::string data, const std::string& name,
                                 const ZipLimits& limits = {});
  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

  std::vector<std::string> EntryNames() const;
  bool Has(std::string_view entry) const;
  // Uncompressed content of one entry; kNotFound if absent, kInvalidInput over a limit.
  Result<std::string> Read(std::string_view entry);
  // Raw bytes of the whole archive as opened (for writers that copy unchanged parts).
  const std::string& data() const;

 private:
  struct Impl;
  explicit ZipArchive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kotae::sheet
