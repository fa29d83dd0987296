// Reads a table that was extracted to text — one row per line, cells separated by tabs, with
// title lines, repeated page headers and section rows mixed in — into a grid for layout
// detection. Stateless.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "sheet/grid.h"

namespace kotae::sheet {

// True if `utf8` looks like a tab-separated table rather than prose: enough lines carry
// several tab-separated cells.
bool LooksLikeTextTable(std::string_view utf8);

Result<Grid> ReadTextTable(std::string_view utf8, const std::string& name);

}  // namespace kotae::sheet
