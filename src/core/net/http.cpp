#include <sopctl/net/http.hpp>

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace sopctl::net {
namespace {

struct Sink {
  HttpResult* result;
  std::size_t max_body;
};

std::size_t on_data(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  std::string& body = sink->result->body;
  const std::size_t n = size * count;
  const std::size_t room = sink->max_body - std::min(sink->max_body, body.size());
  body.append(data, std::min(n, room));
  sink->result->truncated = sink->result->truncated || n > room;
  return n;
}

void init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

HttpResult post_json(const std::string& url, std::string_view body, std::int64_t timeout_ms) {
  PostOptions o;
  o.timeout_ms = timeout_ms;
  o.user_agent = "sopctl-notify";
  return post(url, body, o);
}

HttpResult post(const std::string& url, std::string_view body, const PostOptions& options) {
  init_once();
  HttpResult result;
  const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                 curl_easy_cleanup);
  if (!curl) {
    result.error = "libcurl could not start";
    return result;
  }
  curl_slist* raw_headers =
      curl_slist_append(nullptr, ("Content-Type: " + options.content_type).c_str());
  const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(raw_headers,
                                                                            curl_slist_free_all);
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout_ms));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
  Sink sink{&result, options.max_body};
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_USERAGENT, options.user_agent.c_str());
  const CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OK) {
    result.kind = HttpResult::Kind::answered;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &result.status);
  } else {
    result.kind =
        rc == CURLE_OPERATION_TIMEDOUT ? HttpResult::Kind::timed_out : HttpResult::Kind::failed;
    result.error = curl_easy_strerror(rc);
  }
  return result;
}

}  // namespace sopctl::net
