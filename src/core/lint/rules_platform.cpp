// Platform rules on the texts themselves: WeCom's length and attachment
// limits. No schedule is needed; texts are measured as written.

#include "lint_parts.hpp"

#include <sopctl/text/width.hpp>

#include <fmt/format.h>

namespace sopctl::lint::detail {
namespace {

constexpr std::size_t k_max_message_bytes = 4000;
constexpr std::size_t k_max_welcome_bytes = 3000;
constexpr std::size_t k_max_moments_chars = 2000;
constexpr std::size_t k_max_assets = 9;

void check_message(const Located<std::string>& text, const std::string& what, Reporter& out) {
  if (text.value.size() > k_max_message_bytes) {
    out.add("message-too-long", text.loc,
            fmt::format("{} is {} bytes; WeCom rejects messages over {} bytes (UTF-8)", what,
                        text.value.size(), k_max_message_bytes));
  }
}

}  // namespace

void platform_text_rules(const Sop& sop, Reporter& out) {
  const Setup& setup = sop.setup;
  check_message(setup.announcement, "the announcement", out);
  for (const Keyword& kw : setup.keywords) {
    check_message(kw.reply, fmt::format("the reply to keyword '{}'", kw.match.value), out);
  }
  if (setup.welcome.value.size() > k_max_welcome_bytes) {
    out.add(
        "welcome-too-long", setup.welcome.loc,
        fmt::format("the welcome message is {} bytes; WeCom rejects group welcome messages over "
                    "{} bytes (UTF-8)",
                    setup.welcome.value.size(), k_max_welcome_bytes));
  }
  for (const Task& task : sop.tasks) {
    const std::string name = task_name(sop, task);
    if (task.channel.value == "moments") {
      // Moments are limited in characters, not bytes.
      const std::size_t chars = text::count_chars(task.script.value);
      if (chars > k_max_moments_chars) {
        out.add("moments-too-long", task.script.loc,
                fmt::format("{} posts {} characters to Moments; WeCom allows at most {}", name,
                            chars, k_max_moments_chars));
      }
    } else {
      check_message(task.script, "the script of " + name, out);
    }
    if (task.assets.size() > k_max_assets) {
      out.add("too-many-assets", task.assets[k_max_assets].loc,
              fmt::format("{} has {} assets; WeCom sends at most {} attachments with one message",
                          name, task.assets.size(), k_max_assets));
    }
  }
}

}  // namespace sopctl::lint::detail
