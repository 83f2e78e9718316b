#pragma once
// One HTTP POST with libcurl: what `notify --send` needs to talk to a WeCom
// group robot, and `--clickhouse` to ClickHouse's HTTP interface. No
// retries here (the caller decides what to retry).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sopctl::net {

struct HttpResult {
  enum class Kind { answered, timed_out, failed };
  Kind kind = Kind::failed;
  long status = 0;         // HTTP status when answered
  std::string body;        // the answer's body (at most PostOptions::max_body kept)
  bool truncated = false;  // the answer was longer than max_body
  std::string error;       // libcurl's message when not answered
};

struct PostOptions {
  std::string content_type = "application/json";
  std::int64_t timeout_ms = 10000;  // connect and answer together
  std::size_t max_body = 64 * 1024;
  std::string user_agent = "sopctl";
};

// POSTs `body` to `url`. Only http:// and https:// URLs are used.
HttpResult post(const std::string& url, std::string_view body, const PostOptions& options);

// POSTs `body` as application/json to `url`; gives up after `timeout_ms`.
HttpResult post_json(const std::string& url, std::string_view body, std::int64_t timeout_ms);

}  // namespace sopctl::net
