#include <sopctl/text/encoding.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>

#include <iconv.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace sopctl::csv {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

int line_at(std::string_view text, std::size_t offset) {
  const auto n = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  return static_cast<int>(n) + 1;
}

class Iconv {
public:
  Iconv(const char* to, const char* from) : m_cd(::iconv_open(to, from)) {}
  ~Iconv() {
    if (ok()) {
      ::iconv_close(m_cd);
    }
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const { return m_cd != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return m_cd; }

private:
  iconv_t m_cd;
};

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  const std::string n = lower(name);
  if (n == "utf-8" || n == "utf8") {
    return Encoding::utf8;
  }
  if (n == "gbk" || n == "cp936") {
    return Encoding::gbk;
  }
  if (n == "gb18030") {
    return Encoding::gb18030;
  }
  return std::nullopt;
}

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::gbk:
      return "gbk";
    case Encoding::gb18030:
      return "gb18030";
    case Encoding::utf8:
      break;
  }
  return "utf-8";
}

void to_utf8_blocks(std::string_view bytes, Encoding from, const std::string& path,
                    const std::function<void(std::string_view)>& sink,
                    const std::function<void(std::size_t)>& consumed) {
  if (from == Encoding::utf8) {
    sink(bytes);
    return;
  }
  const char* name = from == Encoding::gbk ? "GBK" : "GB18030";
  Iconv cd("UTF-8", name);
  if (!cd.ok()) {
    throw Error(std::string(tr("cannot convert from ")) + name + ": " + std::strerror(errno),
                SourceLoc{path});
  }
  std::string block(std::size_t{1} << 20, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; never written
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char* dst = block.data();
    std::size_t out_left = block.size();
    const std::size_t r = ::iconv(cd.get(), &in, &in_left, &dst, &out_left);
    const auto done = static_cast<std::size_t>(dst - block.data());
    if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
      sink(std::string_view(block.data(), done));
      const std::size_t at = static_cast<std::size_t>(in - bytes.data());
      throw Error(std::string(tr("not valid ")) + encoding_name(from) +
                      tr(" text (is the file UTF-8? then leave out --encoding)"),
                  SourceLoc{path, line_at(bytes, at), 0});
    }
    sink(std::string_view(block.data(), done));  // E2BIG: the block is full, go on
    if (consumed) {
      consumed(static_cast<std::size_t>(in - bytes.data()));
    }
  }
}

std::string to_utf8(std::string_view bytes, Encoding from, const std::string& path) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2 + 16);  // GBK's 2 bytes become 3
  to_utf8_blocks(bytes, from, path, [&](std::string_view b) { out += b; });
  return out;
}

}  // namespace sopctl::csv
