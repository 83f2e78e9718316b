#pragma once
// Private to app/: the text of src/core/app/sop.schema.json, compiled in by
// CMake (schema_text.cpp.in).

namespace sopctl::app_detail {

extern const char k_sop_schema[];

}  // namespace sopctl::app_detail
