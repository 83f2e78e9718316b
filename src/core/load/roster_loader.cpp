// load_roster_yaml(): `staff:` and `groups:` of a YAML roster (docs/spec.md §1.3).

#include "roster_parts.hpp"
#include "sop_parts.hpp"
#include "yaml_walk.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/load/loader.hpp>

#include <fmt/format.h>

namespace sopctl {
namespace {

using load::Field;
using load::Reader;

// wecom_userid, mobile and robot (docs/spec.md §5.3): who `notify` mentions
// and where it posts.
void read_contact(Reader& r, const load::Fields& fields, Staff& s) {
  if (const Field* f = fields.get("wecom_userid")) {
    if (auto t = r.text(*f)) {
      s.wecom_userid = *t;
    }
  }
  if (const Field* f = fields.get("mobile")) {
    if (auto t = r.text(*f)) {
      s.mobile = *t;
      const std::string& m = t->value;
      if (m.empty() || m.find_first_not_of("+0123456789- ") != std::string::npos) {
        r.report(t->loc, "bad-value",
                 trf("mobile '{}' is not a phone number (digits, e.g. 13800001111)", m));
      }
    }
  }
  if (const Field* f = fields.get("robot")) {
    if (auto t = r.text(*f)) {
      s.robot = *t;
      const std::string& url = t->value;
      if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) {
        r.report(t->loc, "bad-value",
                 tr("robot must be a webhook URL, e.g. "
                    "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=..."));
      }
    }
  }
}

void read_staff(Reader& r, const Field& f, Roster& roster) {
  if (!r.expect_list(f, tr("a list like [{id: wanzi, name: 小丸子, roles: [owner]}]")) ||
      f.is_null()) {
    return;
  }
  load::IdRegistry ids(tr("staff"));
  for (const text::YamlNode item : f.value.items()) {
    const SourceLoc item_loc = r.loc(item, f.value_loc);
    if (!item.is_map()) {
      r.report(item_loc, "wrong-type",
               tr("each staff member must be a mapping with id, name and roles"));
      continue;
    }
    const auto fields = r.fields(item, {"id", "name", "roles", "wecom_userid", "mobile", "robot"});
    Staff s;
    s.loc = item_loc;
    const Field* id = fields.get("id");
    if (!id) {
      r.report(item_loc, "missing-key", tr("missing key 'id' in staff member"));
      continue;
    }
    auto id_text = r.text(*id);
    if (!id_text) {
      continue;
    }
    s.id = *id_text;
    const bool id_ok = load::check_name_id(r.diags(), s.id, tr("staff"));
    const bool unique = ids.add(r.diags(), s.id);
    if (const Field* name = fields.get("name")) {
      if (auto t = r.text(*name)) {
        s.name = *t;
      }
    }
    if (const Field* roles = fields.get("roles")) {
      s.roles = r.text_list(*roles);
    }
    read_contact(r, fields, s);
    if (id_ok && unique) {
      roster.staff.push_back(std::move(s));
    }
  }
}

// vars: {teacher: 陈老师}: names as placeholders are written, values as text.
void read_vars(Reader& r, const Field& f, load::GroupInput& in) {
  if (!r.expect_map(f, tr("a mapping of names to texts, e.g. vars: {teacher: 陈老师}")) ||
      f.is_null()) {
    return;
  }
  for (const auto& [key, value] : f.value.entries()) {
    const SourceLoc key_loc = r.loc(key, f.value_loc);
    if (!key.is_scalar() || key.scalar().empty() ||
        key.scalar().find_first_of("{} \t") != std::string::npos) {
      r.report(key_loc, "bad-value", tr("a group variable needs a plain name, e.g. teacher"));
      continue;
    }
    if (value && !value.is_null() && !value.is_scalar()) {
      r.report(r.loc(value, key_loc), "wrong-type",
               trf("group variable '{}' must be a text", key.scalar()));
      continue;
    }
    in.vars.emplace_back(
        key.scalar(),
        Located<std::string>{value && value.is_scalar() ? value.scalar() : std::string(),
                             r.loc(value, key_loc)});
  }
}

void read_groups(Reader& r, const Field& f, Roster& roster) {
  if (!r.expect_list(f, tr("a list of groups like [{id: A, sop: camp-7d, open: 2026-12-03}]")) ||
      f.is_null()) {
    return;
  }
  load::check_group_count(roster.groups.size(), f.value.size(),
                          [&](std::size_t k) { return r.loc(f.value[k], f.value_loc); });
  load::IdRegistry ids(tr("group"));
  for (const text::YamlNode item : f.value.items()) {
    const SourceLoc item_loc = r.loc(item, f.value_loc);
    if (!item.is_map()) {
      r.report(item_loc, "wrong-type", tr("each group must be a mapping with id, sop, open, ..."));
      continue;
    }
    const auto fields = r.fields(item, {"id", "name", "sop", "open", "close", "owner", "assistants",
                                        "size", "tags", "letter", "skip", "vars"});
    load::GroupInput in;
    in.loc = item_loc;
    const std::pair<const char*, std::optional<Located<std::string>>*> texts[] = {
        {"id", &in.id},       {"name", &in.name}, {"sop", &in.sop},       {"open", &in.open},
        {"owner", &in.owner}, {"size", &in.size}, {"letter", &in.letter}, {"close", &in.close}};
    bool readable = true;
    for (const auto& [key, target] : texts) {
      if (const Field* tf = fields.get(key)) {
        if (std::string_view(key) == "sop" && tf->value.is_sequence()) {
          in.sops = r.text_list(*tf);  // sop: [camp-7d, double12]
          continue;
        }
        *target = r.text(*tf);
        // An id given as a list is reported by text(); do not also call it missing.
        readable = readable && (target->has_value() || std::string_view(key) != "id");
      }
    }
    if (!readable) {
      continue;
    }
    if (const Field* a = fields.get("assistants")) {
      in.assistants = r.text_list(*a);
    }
    if (const Field* t = fields.get("tags")) {
      in.tags = r.text_list(*t);
    }
    if (const Field* s = fields.get("skip")) {
      in.skip = r.text_list(*s);
    }
    if (const Field* v = fields.get("vars")) {
      read_vars(r, *v, in);
    }
    load::add_group(r.diags(), in, ids, roster);
  }
}

}  // namespace

void load_roster_yaml(std::string_view text, const std::string& path, Roster& roster,
                      Diagnostics& diags) {
  const text::YamlFile file(text, path);
  Reader r(file, diags);
  roster.paths.push_back(path);
  const text::YamlNode root = file.root();
  if (!root || root.is_null()) {
    return;
  }
  if (!root.is_map()) {
    r.report(r.loc(root, file.file_loc()), "wrong-type",
             tr("a roster file must be a mapping with staff and groups"));
    return;
  }
  const auto fields = r.fields(root, {"version", "staff", "groups"});
  if (const Field* v = fields.get("version")) {
    load::read_version(r, *v);
  }
  if (const Field* s = fields.get("staff")) {
    read_staff(r, *s, roster);
  }
  if (const Field* g = fields.get("groups")) {
    read_groups(r, *g, roster);
  }
}

}  // namespace sopctl
