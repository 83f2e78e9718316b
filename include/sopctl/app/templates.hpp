#pragma once
// The SOP templates of `sop-templates/` (`sopctl templates`, `sopctl init`):
// where they are installed, what they are, and their text.
//
// A template is a file `<id>.sop.yaml` in the template directory; its title
// and one-line purpose are the SOP's `title:` and `description:`.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::templates {

struct TemplateInfo {
  std::string id;           // file name without .sop.yaml
  std::string title;        // the SOP's title (the id when it has none)
  std::string description;  // the SOP's description, may be empty
  std::string path;         // the file
};

// Where the template directory may be, most specific first: $SOPCTL_TEMPLATES
// (`env`, when set and non-empty; then it is the only candidate), the install
// layout `<exe_dir>/../share/sopctl/sop-templates`, the source tree of a
// build tree, and the configured install prefix. Pure: tests pass any values.
std::vector<std::string> candidate_dirs(std::optional<std::string_view> env,
                                        std::string_view exe_dir);

// The first candidate that is a directory, for this process ($SOPCTL_TEMPLATES
// and /proc/self/exe). Throws Error saying where it looked when none is.
std::string find_dir();

// The ids of the templates in the directory find_dir() would return, or none
// when there is no such directory or it cannot be read (shell completion:
// nothing to offer is not an error there).
std::vector<std::string> available_ids();

// `<id>.sop.yaml` files of `dir`, sorted by id, with their title and
// description. Throws Error when `dir` cannot be read or a template is not YAML.
std::vector<TemplateInfo> list(const std::string& dir);

// Title and description of one template's text (pure; a field the text lacks
// stays empty, except the title, which falls back to `id`).
TemplateInfo describe(std::string_view text, const std::string& id, const std::string& path);

// The text of template `id` in `dir`, byte for byte. An unknown id throws
// Error naming the known ids, with a did-you-mean.
std::string read(const std::string& dir, const std::string& id);

// `sopctl templates`: one line per template, id, title and description in
// columns aligned by display width (CJK counts 2).
std::string render_list(const std::vector<TemplateInfo>& templates);

// `sopctl templates --format json`: [{"id", "title", "description"}].
std::string render_json(const std::vector<TemplateInfo>& templates);

}  // namespace sopctl::templates
