#pragma once
// Character encodings of CSV inputs (docs/spec.md §1.5): UTF-8, or the GBK and
// GB18030 that Excel uses for Chinese, converted with iconv(3) from the C
// library.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace sopctl::csv {

enum class Encoding { utf8, gbk, gb18030 };

// "utf-8"/"utf8", "gbk"/"cp936", "gb18030", in any case; nullopt otherwise.
std::optional<Encoding> parse_encoding(std::string_view name);
const char* encoding_name(Encoding e);  // "utf-8", "gbk", "gb18030"

// `bytes` converted to UTF-8. Throws Error naming `path` and the line of the
// first byte sequence that is not valid in `from`.
std::string to_utf8(std::string_view bytes, Encoding from, const std::string& path);
// The same, handed to `sink` in blocks of at most about 1 MiB as it is
// converted (for inputs too large to hold twice in memory); `consumed`, if
// given, hears after each block how many input bytes are done with.
void to_utf8_blocks(std::string_view bytes, Encoding from, const std::string& path,
                    const std::function<void(std::string_view)>& sink,
                    const std::function<void(std::size_t)>& consumed = {});

}  // namespace sopctl::csv
