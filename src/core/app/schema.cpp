// The JSON Schema of SOP files. It lives in sop.schema.json beside this
// file, so that it reads (and lints) like the document it is, and is compiled
// in by CMake (schema_text.cpp.in); tests/scripts/test_schema_validates.py
// validates every example, template and good lint fixture against it.
//
// Deliberately free of oneOf (yaml-language-server reports oneOf failures
// poorly); `anyOf` only where a key takes differently shaped values, and
// `type` lists where keywords that apply to one type are enough.

#include <sopctl/app/schema.hpp>

#include "schema_text.hpp"

namespace sopctl {

std::string_view sop_json_schema() {
  return app_detail::k_sop_schema;
}

}  // namespace sopctl
