#pragma once
// One HTTP POST with libcurl: what `notify --send` needs to talk to a WeCom
// group robot. No retries here (notify decides what to retry).

#include <cstdint>
#include <string>
#include <string_view>

namespace sopctl::net {

struct HttpResult {
  enum class Kind { answered, timed_out, failed };
  Kind kind = Kind::failed;
  long status = 0;    // HTTP status when answered
  std::string body;   // the answer's body (at most 64 KiB kept)
  std::string error;  // libcurl's message when not answered
};

// POSTs `body` as application/json to `url`; gives up after `timeout_ms`
// (connect and answer together). Only http:// and https:// URLs are used.
HttpResult post_json(const std::string& url, std::string_view body, std::int64_t timeout_ms);

}  // namespace sopctl::net
