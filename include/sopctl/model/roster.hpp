#pragma once
// Staff and groups (docs/spec.md §1.3), merged from one or more roster files.

#include <sopctl/base/date.hpp>
#include <sopctl/base/source.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sopctl {

struct Staff {
  Located<std::string> id;
  Located<std::string> name;
  std::vector<Located<std::string>> roles;
  // For `notify` (docs/spec.md §5.3): mentioned by WeCom user id or mobile,
  // digests posted to `robot` (a group-robot webhook URL).
  Located<std::string> wecom_userid;
  Located<std::string> mobile;
  Located<std::string> robot;
  SourceLoc loc;

  bool has_role(const std::string& role) const;
};

struct Group {
  Located<std::string> id;
  Located<std::string> name;               // empty: rendered from the SOP's setup.group_name
  Located<std::string> sop;                // the first of `sops`
  std::vector<Located<std::string>> sops;  // every SOP the group runs, in order
  std::optional<Located<Date>> open;
  std::optional<Located<Date>> close;  // the group's last day, when set
  std::vector<Date> skip;              // no item of this group on these days
  // Group variables: {name} in a script renders the value.
  std::vector<std::pair<std::string, Located<std::string>>> vars;
  Located<std::string> owner;  // staff id
  std::vector<Located<std::string>> assistants;
  int size = 0;
  std::vector<std::string> tags;
  Located<std::string> letter;  // empty: the group id
  SourceLoc loc;

  const std::string& letter_or_id() const { return letter.value.empty() ? id.value : letter.value; }
  bool runs(const std::string& sop_id) const;
  // `sops`, or {sop} for a group built by hand.
  std::vector<Located<std::string>> sop_ids() const;
  const Located<std::string>* var(const std::string& var_name) const;
};

struct Roster {
  std::vector<std::string> paths;  // files merged into it
  std::vector<Staff> staff;
  std::vector<Group> groups;

  const Staff* find_staff(const std::string& id) const;
  // For a word that is not a staff id: " ('陈老师' is the name of staff
  // 'chen'; give the id)" when it is someone's display name, else a
  // did-you-mean over the ids, else "".
  std::string staff_hint(const std::string& word) const;
  const Group* find_group(const std::string& id) const;
};

}  // namespace sopctl
