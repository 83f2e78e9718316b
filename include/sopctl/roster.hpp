#pragma once
// Staff and groups (SPEC 1.3), merged from one or more roster files.

#include <sopctl/date.hpp>
#include <sopctl/source.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sopctl {

struct Staff {
  Located<std::string> id;
  Located<std::string> name;
  std::vector<Located<std::string>> roles;
  SourceLoc loc;

  bool has_role(const std::string& role) const;
};

struct Group {
  Located<std::string> id;
  Located<std::string> name;  // empty: rendered from the SOP's setup.group_name
  Located<std::string> sop;
  std::optional<Located<Date>> open;
  Located<std::string> owner;  // staff id
  std::vector<Located<std::string>> assistants;
  int size = 0;
  std::vector<std::string> tags;
  Located<std::string> letter;  // empty: the group id
  SourceLoc loc;

  const std::string& letter_or_id() const { return letter.value.empty() ? id.value : letter.value; }
};

struct Roster {
  std::vector<std::string> paths;  // files merged into it
  std::vector<Staff> staff;
  std::vector<Group> groups;

  const Staff* find_staff(const std::string& id) const;
  const Group* find_group(const std::string& id) const;
};

}  // namespace sopctl
