// The workbook writer under --format xlsx: sheet names Excel accepts, CSV
// tables read back into sheets, and the same bytes for the same sheets.
// tests/scripts/test_xlsx_openpyxl.py reads whole workbooks with openpyxl.

#include "../../src/core/render/xlsx_book.hpp"

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl::render;

TEST_CASE("sheet_name: Excel's rules") {
  CHECK(xlsx::sheet_name("plan") == "plan");
  CHECK(xlsx::sheet_name("a/b:c[d]*?\\") == "a b c d    ");
  CHECK(xlsx::sheet_name("") == "sheet");
  CHECK(xlsx::sheet_name("'quoted'") == " quoted ");
  // 31 characters at most, counted as characters, not bytes.
  const std::string cjk = "李顾问李顾问李顾问李顾问李顾问李顾问李顾问李顾问李顾问李顾问李顾问";
  CHECK(xlsx::sheet_name(cjk).size() == 31 * 3);
  CHECK(xlsx::sheet_name(std::string(40, 'x')) == std::string(31, 'x'));
}

TEST_CASE("sheet_from_csv: header, rows and kinds by column name") {
  const auto sheet =
      xlsx::sheet_from_csv("t", "date,title,users\n2026-12-01,\"早安, 打卡\",5\n2026-12-02,晚安,\n",
                           {{"date", xlsx::Kind::date}, {"users", xlsx::Kind::integer}});
  CHECK(sheet.header == std::vector<std::string>{"date", "title", "users"});
  REQUIRE(sheet.rows.size() == 2);
  CHECK(sheet.rows[0][1] == "早安, 打卡");
  CHECK(sheet.rows[1][2] == "");
  CHECK(sheet.kinds ==
        std::vector<xlsx::Kind>{xlsx::Kind::date, xlsx::Kind::text, xlsx::Kind::integer});
}

TEST_CASE("workbook: a zip, the same bytes twice, values that are no dates kept") {
  xlsx::Sheet sheet;
  sheet.name = "plan";
  sheet.header = {"date", "time", "rate"};
  sheet.kinds = {xlsx::Kind::date, xlsx::Kind::time, xlsx::Kind::percent};
  sheet.rows = {{"2026-12-01", "09:30", "0.5"}, {"2026-02-30", "25:00", "n/a"}, {"", "", ""}};
  xlsx::Sheet again = sheet;  // a second sheet of the same name gets " 2"
  const std::string a = xlsx::workbook({sheet, again});
  const std::string b = xlsx::workbook({sheet, again});
  REQUIRE(a.size() > 100);
  CHECK(a.substr(0, 2) == "PK");
  CHECK(a == b);
  // The names inside the zip's directory (stored uncompressed).
  CHECK(a.find("xl/worksheets/sheet2.xml") != std::string::npos);
}

}  // namespace SOPCTL_TU_ID
