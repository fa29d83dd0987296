#include "sheet/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <utility>

namespace kotae::sheet {
namespace {

// Below this size a high compression ratio is harmless (a sheet of repeated empty styled
// cells compresses very well); the ratio check is only for parts that would cost memory.
constexpr std::uint64_t kRatioCheckFloor = 1ull << 20;
constexpr std::size_t kReadChunk = 64 * 1024;

}  // namespace

struct ZipArchive::Impl {
  std::string data;  // libzip reads from this buffer; it must outlive `archive`
  std::string name;
  ZipLimits limits;
  zip_t* archive = nullptr;
  std::uint64_t total_read = 0;

  ~Impl() {
    if (archive != nullptr) zip_discard(archive);
  }
};

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::Open(std::string data, const std::string& name,
                                    const ZipLimits& limits) {
  auto impl = std::make_unique<Impl>();
  impl->data = std::move(data);
  impl->name = name;
  impl->limits = limits;
  if (impl->data.size() < 22) {  // smaller than an end-of-central-directory record
    return Status::InvalidInput(name + ": not a zip archive (file too short)");
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(impl->data.data(), impl->data.size(), 0, &error);
  if (source == nullptr) {
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Internal(name + ": cannot create zip source: " + text);
  }
  impl->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (impl->archive == nullptr) {
    zip_source_free(source);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::InvalidInput(name + ": not a readable zip archive (" + text + ")");
  }
  zip_error_fini(&error);
  zip_int64_t entries = zip_get_num_entries(impl->archive, 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_entries) {
    return Status::InvalidInput(name + ": zip archive has too many entries (" +
                                std::to_string(entries) + ")");
  }
  return ZipArchive(std::move(impl));
}

std::vector<std::string> ZipArchive::EntryNames() const {
  std::vector<std::string> names;
  zip_int64_t n = zip_get_num_entries(impl_->archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* entry = zip_get_name(impl_->archive, static_cast<zip_uint64_t>(i), 0);
    if (entry != nullptr) names.emplace_back(entry);
  }
  return names;
}

bool ZipArchive::Has(std::string_view entry) const {
  return zip_name_locate(impl_->archive, std::string(entry).c_str(), 0) >= 0;
}

Result<std::string> ZipArchive::Read(std::string_view entry) {
  const std::string entry_name(entry);
  const std::string where = impl_->name + ": " + entry_name;
  zip_int64_t index = zip_name_locate(impl_->archive, entry_name.c_str(), 0);
  if (index < 0) return Status::NotFound(where + ": no such part in the archive");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(impl_->archive, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      (st.valid & ZIP_STAT_SIZE) == 0) {
    return Status::InvalidInput(where + ": corrupt zip entry");
  }
  const ZipLimits& lim = impl_->limits;
  if (st.size > lim.max_entry_bytes) {
    return Status::InvalidInput(where + ": part too large (" + std::to_string(st.size) +
                                " bytes uncompressed)");
  }
  if (impl_->total_read + st.size > lim.max_total_bytes) {
    return Status::InvalidInput(where + ": archive expands beyond the size limit");
  }
  if (st.size > kRatioCheckFloor && (st.valid & ZIP_STAT_COMP_SIZE) != 0 &&
      st.size / std::max<std::uint64_t>(st.comp_size, 1) > lim.max_ratio) {
    return Status::InvalidInput(where + ": compression ratio too high (zip bomb?)");
  }
  zip_file_t* file = zip_fopen_index(impl_->archive, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return Status::InvalidInput(where + ": cannot open zip entry (" +
                                std::string(zip_strerror(impl_->archive)) + ")");
  }
  // Read in chunks and check the running size: the declared size in the central directory
  // is written by whoever made the file and may lie.
  std::string out;
  out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(st.size, 64ull << 20)));
  char buffer[kReadChunk];
  Status failure;
  for (;;) {
    zip_int64_t got = zip_fread(file, buffer, sizeof buffer);
    if (got < 0) {
      zip_error_t* error = zip_file_get_error(file);
      failure = Status::InvalidInput(where + ": corrupt zip entry (" +
                                     std::string(zip_error_strerror(error)) + ")");
      break;
    }
    if (got == 0) break;
    out.append(buffer, static_cast<std::size_t>(got));
    if (out.size() > st.size || out.size() > lim.max_entry_bytes ||
        impl_->total_read + out.size() > lim.max_total_bytes) {
      failure = Status::InvalidInput(where + ": part expands beyond its declared size");
      break;
    }
  }
  zip_fclose(file);
  if (!failure.ok()) return failure;
  if (out.size() != st.size) {
    return Status::InvalidInput(where + ": truncated zip entry");
  }
  impl_->total_read += out.size();
  return out;
}

const std::string& ZipArchive::data() const { return impl_->data; }

}  // namespace kotae::sheet
