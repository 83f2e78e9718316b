// build_digests(): one message per staff member of their items in a slot,
// as a WeCom group robot takes it (markdown, or text with mentions), split
// on item boundaries when the day does not fit WeCom's byte limit.

#include <sopctl/notify/notify.hpp>
#include <sopctl/text/json_writer.hpp>
#include <sopctl/text/utf8.hpp>

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace sopctl::notify {
namespace {

// Room kept for the part marker "（12/12）" while packing.
constexpr std::size_t k_marker_room = 24;
constexpr std::string_view k_ellipsis = "……";

std::string slot_label(const Slot& slot) {
  std::string out = fmt::format("{}月{}日 {}", slot.date.month(), slot.date.day(),
                                weekday_chinese_name(slot.date.weekday()));
  if (slot.at) {
    const int end = std::min(*slot.at + slot.within_minutes, 24 * 60);
    out += fmt::format(" {}–{}", format_time_of_day(*slot.at),
                       end == 24 * 60 ? std::string("24:00") : format_time_of_day(end));
  }
  return out;
}

std::string time_label(const PlanItem& item) {
  return item.time >= 0 ? format_time_of_day(item.time) : std::string("全天");
}

// One item as it appears in a digest; `script_room` caps the script.
std::string item_block(const PlanItem& item, std::size_t number, Style style,
                       std::size_t script_room) {
  std::string script = item.script;
  if (script.size() > script_room) {
    script = text::utf8_prefix(
                 script, script_room > k_ellipsis.size() ? script_room - k_ellipsis.size() : 0) +
             std::string(k_ellipsis);
  }
  const std::string duration =
      item.duration_minutes > 0 ? fmt::format(" · {}分钟", item.duration_minutes) : "";
  std::string out;
  if (style == Style::markdown) {
    out = fmt::format("\n**{}. {}** {} · {}{}\n", number, time_label(item), display_name(item),
                      item.task->title.value, duration);
    if (!script.empty()) {
      std::size_t start = 0;
      while (start <= script.size()) {
        const std::size_t nl = script.find('\n', start);
        const std::string_view line =
            std::string_view(script).substr(start, nl == std::string::npos ? nl : nl - start);
        out += fmt::format("> {}\n", line);
        if (nl == std::string::npos) {
          break;
        }
        start = nl + 1;
      }
    }
  } else {
    out = fmt::format("\n{}. {} {} · {}{}\n", number, time_label(item), display_name(item),
                      item.task->title.value, duration);
    if (!script.empty()) {
      out += script + "\n";
    }
  }
  return out;
}

std::string heading(const Staff& staff, const Slot& slot, std::size_t count, Style style, int part,
                    int parts) {
  const std::string marker = parts > 1 ? fmt::format("（{}/{}）", part, parts) : "";
  const std::string name = staff.name.value.empty() ? staff.id.value : staff.name.value;
  if (style == Style::markdown) {
    return trf("**SOP提醒{} · {}**\n<font color=\"comment\">{} · 共 {} 项</font>\n", marker, name,
               slot_label(slot), count);
  }
  return fmt::format("【SOP提醒{}】{} · {} · 共 {} 项\n", marker, name, slot_label(slot), count);
}

std::string footer(const Staff& staff, Style style) {
  if (style == Style::markdown && !staff.wecom_userid.value.empty()) {
    return fmt::format("\n<@{}>", staff.wecom_userid.value);
  }
  return {};
}

std::string payload(const Staff& staff, const std::string& content, Style style) {
  text::JsonWriter w;
  w.begin_object();
  if (style == Style::markdown) {
    w.key("msgtype").value("markdown");
    w.key("markdown").begin_object();
    w.key("content").value(content);
    w.end_object();
  } else {
    w.key("msgtype").value("text");
    w.key("text").begin_object();
    w.key("content").value(content);
    if (!staff.wecom_userid.value.empty()) {
      w.key("mentioned_list").begin_array().value(staff.wecom_userid.value).end_array();
    }
    if (!staff.mobile.value.empty()) {
      w.key("mentioned_mobile_list").begin_array().value(staff.mobile.value).end_array();
    }
    w.end_object();
  }
  w.end_object();
  return w.str();
}

}  // namespace

bool Slot::contains(const PlanItem& item) const {
  if (item.date != date) {
    return false;
  }
  if (!at) {
    return true;
  }
  return item.time >= *at && item.time < *at + within_minutes;
}

std::vector<Digest> build_digests(const Plan& plan, const Roster& roster, const Slot& slot,
                                  Style style, const std::string& robot) {
  const std::size_t limit = style == Style::markdown ? k_markdown_limit : k_text_limit;
  std::map<const Staff*, std::vector<const PlanItem*>> by_staff;
  for (const PlanItem& item : plan.items) {
    if (!slot.contains(item)) {
      continue;
    }
    for (const Staff* s : item.staff) {
      by_staff[s].push_back(&item);
    }
  }
  std::vector<Digest> out;
  for (const Staff& staff : roster.staff) {
    const auto found = by_staff.find(&staff);
    if (found == by_staff.end()) {
      continue;
    }
    const std::vector<const PlanItem*>& items = found->second;
    const std::size_t head = heading(staff, slot, items.size(), style, 1, 1).size() +
                             k_marker_room + footer(staff, style).size();
    // Blocks, each within what one message can hold besides its heading.
    const std::size_t room = limit > head ? limit - head : 0;
    std::vector<std::string> blocks;
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string block = item_block(*items[i], i + 1, style, room);
      if (block.size() > room) {
        // The script as the first try cut it, shortened by what is still over.
        const std::size_t over = block.size() - room;
        const std::size_t tried = std::min(items[i]->script.size(), room);
        block = item_block(*items[i], i + 1, style, tried > over ? tried - over : 0);
      }
      blocks.push_back(std::move(block));
    }
    // Greedy packing on item boundaries.
    std::vector<std::vector<std::size_t>> parts(1);
    std::size_t used = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (!parts.back().empty() && used + blocks[i].size() > room) {
        parts.emplace_back();
        used = 0;
      }
      parts.back().push_back(i);
      used += blocks[i].size();
    }
    const int n = static_cast<int>(parts.size());
    for (int p = 0; p < n; ++p) {
      std::string content = heading(staff, slot, items.size(), style, p + 1, n);
      for (const std::size_t i : parts[static_cast<std::size_t>(p)]) {
        content += blocks[i];
      }
      content += footer(staff, style);
      if (content.size() > limit) {
        content = text::utf8_prefix(content, limit);  // only a name longer than the limit gets here
      }
      Digest d;
      d.staff = &staff;
      d.robot = robot.empty() ? staff.robot.value : robot;
      d.part = p + 1;
      d.parts = n;
      d.items = parts[static_cast<std::size_t>(p)].size();
      d.payload = payload(staff, content, style);
      out.push_back(std::move(d));
    }
  }
  return out;
}

std::string mask_robot(std::string_view url) {
  std::string out(url);
  const std::size_t key = out.find("key=");
  if (key == std::string::npos) {
    return out;
  }
  const std::size_t start = key + 4;
  std::size_t end = out.find('&', start);
  if (end == std::string::npos) {
    end = out.size();
  }
  const std::size_t keep = std::min<std::size_t>(4, end - start);
  for (std::size_t i = start; i + keep < end; ++i) {
    out[i] = '*';
  }
  return out;
}

}  // namespace sopctl::notify
