// Hand-built zip archives for tests and fuzz targets that must control every header field:
// members that lie about their size, stored parts with exact CRCs, no timestamps. libzip
// (what kotae reads with) refuses to write a member whose header contradicts its data, so
// the bytes are assembled here. Header-only, so the clang fuzz build can use it without the
// test-support library. Members stay below the zip64 limits (4 GiB, 65,535 entries).
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kotae::test {

// One member. `payload` is the stored or raw-deflated data; `declared_size` is what the
// headers claim it inflates to (normally `size`, the real inflated size).
struct ZipMember {
  std::string name;
  std::string payload;
  std::uint16_t method = 8;  // 0 stored, 8 deflated
  std::uint32_t crc = 0;
  std::uint32_t size = 0;
  std::uint32_t declared_size = 0;
};

inline ZipMember StoredMember(std::string name, std::string_view data) {
  ZipMember m;
  m.name = std::move(name);
  m.payload = std::string(data);
  m.method = 0;
  m.crc = static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
  m.size = m.declared_size = static_cast<std::uint32_t>(data.size());
  return m;
}

namespace zip_internal {
inline void Put16(std::string* s, std::uint32_t v) {
  s->push_back(static_cast<char>(v & 0xff));
  s->push_back(static_cast<char>((v >> 8) & 0xff));
}
inline void Put32(std::string* s, std::uint32_t v) {
  Put16(s, v & 0xffff);
  Put16(s, v >> 16);
}
}  // namespace zip_internal

// Local headers and data, then the central directory and its end record (APPNOTE 4.3).
inline std::string ZipBytes(const std::vector<ZipMember>& members) {
  using zip_internal::Put16;
  using zip_internal::Put32;
  std::string zip, central;
  for (const ZipMember& m : members) {
    const auto offset = static_cast<std::uint32_t>(zip.size());
    for (std::string* h : {&zip, &central}) {
      const bool local = h == &zip;
      Put32(h, local ? 0x04034b50 : 0x02014b50);
      if (!local) Put16(h, 20);  // version made by
      Put16(h, 20);              // version needed
      Put16(h, 0);               // flags
      Put16(h, m.method);
      Put16(h, 0);       // time
      Put16(h, 0x5821);  // date: 2024-01-01
      Put32(h, m.crc);
      Put32(h, static_cast<std::uint32_t>(m.payload.size()));
      Put32(h, m.declared_size);
      Put16(h, static_cast<std::uint32_t>(m.name.size()));
      Put16(h, 0);  // extra
      if (!local) {
        Put16(h, 0);  // comment
        Put16(h, 0);  // disk
        Put16(h, 0);  // internal attributes
        Put32(h, 0);  // external attributes
        Put32(h, offset);
      }
      *h += m.name;
    }
    zip += m.payload;
  }
  const auto central_offset = static_cast<std::uint32_t>(zip.size());
  zip += central;
  Put32(&zip, 0x06054b50);
  Put16(&zip, 0);
  Put16(&zip, 0);
  Put16(&zip, static_cast<std::uint32_t>(members.size()));
  Put16(&zip, static_cast<std::uint32_t>(members.size()));
  Put32(&zip, static_cast<std::uint32_t>(central.size()));
  Put32(&zip, central_offset);
  Put16(&zip, 0);
  return zip;
}

}  // namespace kotae::test
