#include <sopctl/app/templates.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/load/loader.hpp>
#include <sopctl/text/did_you_mean.hpp>

#include <sopctl/base/diagnostic.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/files.hpp>
#include <sopctl/text/json_writer.hpp>
#include <sopctl/text/strings.hpp>
#include <sopctl/text/width.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace sopctl::templates {

namespace {

using text::join;

namespace fs = std::filesystem;

constexpr std::string_view k_suffix = ".sop.yaml";

bool is_dir(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

// The ids in `dir`, or nothing and `ec` set when it cannot be read.
std::vector<std::string> ids_in(const std::string& dir, std::error_code& ec) {
  std::vector<std::string> ids;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    return ids;
  }
  for (const fs::directory_entry& entry : it) {
    const std::string name = entry.path().filename().string();
    if (name.size() > k_suffix.size() &&
        name.compare(name.size() - k_suffix.size(), k_suffix.size(), k_suffix) == 0 &&
        !entry.is_directory(ec)) {
      ids.push_back(name.substr(0, name.size() - k_suffix.size()));
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<std::string> ids_of(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> ids = ids_in(dir, ec);
  if (ec) {
    throw Error(trf("cannot read the template directory {}: {}", dir, ec.message()));
  }
  return ids;
}

// The first candidate directory of this process, if any is one.
std::optional<std::string> first_existing_dir(const char* env) {
  const std::optional<std::string_view> env_value =
      env != nullptr ? std::optional<std::string_view>(env) : std::nullopt;
  for (const std::string& dir : candidate_dirs(env_value, io::executable_directory())) {
    if (is_dir(dir)) {
      return dir;
    }
  }
  return std::nullopt;
}

std::string path_of(const std::string& dir, const std::string& id) {
  return (fs::path(dir) / (id + std::string(k_suffix))).string();
}

}  // namespace

std::vector<std::string> candidate_dirs(std::optional<std::string_view> env,
                                        std::string_view exe_directory) {
  if (env && !env->empty()) {
    return {std::string(*env)};  // an explicit choice is never second-guessed
  }
  std::vector<std::string> dirs;
  if (!exe_directory.empty()) {
    dirs.push_back((fs::path(exe_directory) / ".." / "share" / "sopctl" / "sop-templates")
                       .lexically_normal()
                       .string());
  }
#ifdef SOPCTL_SOURCE_TEMPLATES_DIR
  dirs.emplace_back(SOPCTL_SOURCE_TEMPLATES_DIR);
#endif
#ifdef SOPCTL_INSTALL_TEMPLATES_DIR
  dirs.emplace_back(SOPCTL_INSTALL_TEMPLATES_DIR);
#endif
  dirs.erase(std::unique(dirs.begin(), dirs.end()), dirs.end());
  return dirs;
}

std::string find_dir() {
  const char* env = std::getenv("SOPCTL_TEMPLATES");
  if (std::optional<std::string> dir = first_existing_dir(env)) {
    return *dir;
  }
  const std::optional<std::string_view> env_value =
      env != nullptr ? std::optional<std::string_view>(env) : std::nullopt;
  const std::vector<std::string> dirs = candidate_dirs(env_value, io::executable_directory());
  if (env != nullptr && *env != '\0') {
    throw Error(std::string("SOPCTL_TEMPLATES=") + env + ": not a directory");
  }
  throw Error(
      trf("cannot find the SOP templates (looked in {}); set SOPCTL_TEMPLATES to the sop-templates "
          "directory",
          join(dirs)));
}

std::vector<std::string> available_ids() {
  const std::optional<std::string> dir = first_existing_dir(std::getenv("SOPCTL_TEMPLATES"));
  std::error_code ec;
  return dir ? ids_in(*dir, ec) : std::vector<std::string>{};
}

TemplateInfo describe(std::string_view text, const std::string& id, const std::string& path) {
  Diagnostics ignored;  // `sopctl check` is the place for findings
  const Sop sop = load_sop(text, path, ignored);
  TemplateInfo info;
  info.id = id;
  info.title = sop.title.value.empty() ? id : sop.title.value;
  info.description = sop.description.value;
  info.path = path;
  return info;
}

std::vector<TemplateInfo> list(const std::string& dir) {
  std::vector<TemplateInfo> out;
  for (const std::string& id : ids_of(dir)) {
    const std::string path = path_of(dir, id);
    out.push_back(describe(io::read_file(path), id, path));
  }
  return out;
}

std::string read(const std::string& dir, const std::string& id) {
  const std::vector<std::string> ids = ids_of(dir);
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
    std::string message = "unknown template '" + id + "'";
    const std::string guess = text::closest_match(id, ids);
    if (!guess.empty()) {
      message += " (did you mean '" + guess + "'?)";
    }
    message += ids.empty() ? "; " + dir + " holds no templates" : "; templates: " + join(ids);
    throw Error(message);
  }
  return io::read_file(path_of(dir, id));
}

std::string render_list(const std::vector<TemplateInfo>& templates) {
  std::size_t id_width = 0;
  std::size_t title_width = 0;
  for (const TemplateInfo& t : templates) {
    id_width = std::max(id_width, text::display_width(t.id));
    title_width = std::max(title_width, text::display_width(t.title));
  }
  std::string out;
  for (const TemplateInfo& t : templates) {
    std::string line = text::pad_right(t.id, id_width) + "  ";
    if (t.description.empty()) {
      line += t.title;
    } else {
      line += text::pad_right(t.title, title_width) + "  " + t.description;
    }
    out += line + "\n";
  }
  return out;
}

std::string render_json(const std::vector<TemplateInfo>& templates) {
  text::JsonWriter w(2);
  w.begin_object().key("templates").begin_array();
  for (const TemplateInfo& t : templates) {
    w.begin_object();
    w.key("id").value(t.id);
    w.key("title").value(t.title);
    w.key("description").value(t.description);
    w.end_object();
  }
  w.end_array().end_object();
  return w.str() + "\n";
}

}  // namespace sopctl::templates
