// The JSON Schema of SOP files. Kept as one literal so that it reads like the
// document it is; tests/scripts/test_schema_validates.py validates every
// example, template and good lint fixture against it.
//
// Deliberately free of oneOf (yaml-language-server reports oneOf failures
// poorly); `anyOf` only where a key takes differently shaped values, and
// `type` lists where keywords that apply to one type are enough.

#include <sopctl/app/schema.hpp>

namespace sopctl {

namespace {

constexpr std::string_view k_schema = R"json({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "sopctl SOP file (*.sop.yaml)",
  "description": "A community-operations SOP (标准作业程序): which role does what, when, through which channel, to reach what goal. Days count from each group's open date (开群日): day 1 is the open date, day -1 the day before; there is no day 0. Check it with `sopctl check`.",
  "type": "object",
  "additionalProperties": false,
  "required": ["sop", "tasks"],
  "properties": {
    "version": {
      "description": "The file format version (文件格式版本); this sopctl reads 1.",
      "type": "integer",
      "enum": [1]
    },
    "kind": {
      "description": "group (default): tasks for the roster's groups; customer: 1:1 tasks for each targeted customer of --customers (客户SOP), day 1 being the customer's anchor date.",
      "type": "string",
      "enum": ["group", "customer"],
      "default": "group"
    },
    "anchor": {
      "description": "A dated group SOP's main day (e.g. 双12 is 2026-12-12): {countdown} counts to it. In a customer SOP: the customers-file date column that is day 1 (added, paid, expires, ...; default added).",
      "type": "string",
      "pattern": "^([0-9]{4}-[0-9]{2}-[0-9]{2}|[^0-9 ,;][^ ,;]*)$"
    },
    "target": {
      "description": "Customer SOPs: which customers it reaches, by tag (and owner).",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "tags_any": {"description": "At least one of these tags.", "type": ["array", "string"], "items": {"type": "string"}},
        "tags_all": {"description": "Every one of these tags.", "type": ["array", "string"], "items": {"type": "string"}},
        "tags_none": {"description": "None of these tags (e.g. 已购).", "type": ["array", "string"], "items": {"type": "string"}},
        "owner": {"description": "Only this staff member's customers.", "type": "string"}
      }
    },
    "until": {
      "description": "Customer SOPs: events (of --events) that end the SOP for a customer; their later items are dropped.",
      "type": ["array", "string"],
      "items": {"type": "string"}
    },
    "sop": {
      "description": "The SOP's id, unique across loaded files; groups in the roster name it in their `sop:`. Lowercase letters, digits, '-' and '_'.",
      "type": ["string", "integer"],
      "pattern": "^[a-z0-9][a-z0-9_-]*$",
      "examples": ["camp-7d"]
    },
    "title": {
      "description": "Title shown in plans and calendars, e.g. 7天美妆训练营.",
      "type": "string"
    },
    "description": {
      "description": "One line on the SOP's purpose, e.g. 9.9元体验营,7天干货带练,第5天起转化正价课.",
      "type": "string"
    },
    "timezone": {
      "description": "IANA time zone of the times in this file (时区). Default Asia/Shanghai.",
      "type": "string",
      "default": "Asia/Shanghai",
      "examples": ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore"]
    },
    "goal": {
      "description": "The SOP's goal stated as data (以数据为最终体现): a funnel metric and its target conversion rate, shown by `sopctl funnel --sop`.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "metric": {
          "description": "The funnel step or event the goal is about, e.g. order (下单).",
          "type": "string"
        },
        "target": {
          "description": "Target rate as a fraction (0.20) or a percentage (\"20%\").",
          "type": ["number", "string"],
          "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$"
        }
      }
    },
    "phases": {
      "description": "Phases of the campaign (阶段), e.g. 预热期 (warm-up), 正式期 (camp), 收尾期 (closing). Ranges are inclusive and should neither overlap nor leave gaps.",
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "from", "to"],
        "properties": {
          "id": {
            "description": "Phase id, named by tasks' `phase:` and rendered by {phase}.",
            "type": ["string", "integer"],
            "pattern": "^[a-z0-9][a-z0-9_-]*$"
          },
          "name": {
            "description": "Display name rendered by {phase_name}, e.g. 正式期.",
            "type": "string"
          },
          "from": {
            "description": "First day of the phase: a group day (1 = open date, -1 = the day before; never 0) or a date YYYY-MM-DD.",
            "type": ["integer", "string"],
            "not": {"const": 0},
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
          },
          "to": {
            "description": "Last day of the phase (inclusive): a group day or a date YYYY-MM-DD.",
            "type": ["integer", "string"],
            "not": {"const": 0},
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
          }
        }
      }
    },
    "setup": {
      "description": "Group set-up (群周边), prepared before the group opens. `sopctl check` warns when announcement, welcome or rules are missing.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "group_name": {
          "description": "Group name pattern (群名称); {letter} becomes each group's letter, e.g. \"小丸子美妆研讨所{letter}\".",
          "type": "string"
        },
        "announcement": {
          "description": "Group announcement (群公告). At most 4000 UTF-8 bytes.",
          "type": "string"
        },
        "welcome": {
          "description": "Welcome message for new members (入群欢迎语); %NICKNAME% is left for WeCom to fill in. At most 3000 UTF-8 bytes.",
          "type": "string"
        },
        "rules": {
          "description": "Group rules (群规则), one per item.",
          "type": ["array", "string"],
          "items": {"type": ["string", "number"]}
        },
        "keywords": {
          "description": "Keyword auto-replies (关键词自动回复). One keyword should have one reply.",
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["match", "reply"],
            "properties": {
              "match": {
                "description": "The keyword a member sends, e.g. 优惠券.",
                "type": ["string", "number"]
              },
              "reply": {
                "description": "The automatic reply.",
                "type": ["string", "number"]
              }
            }
          }
        },
        "sensitive_words": {
          "description": "Words that get a member removed (广告监控/敏感词), e.g. 加微信, 返利. Your own scripts must not contain them.",
          "type": ["array", "string"],
          "items": {"type": ["string", "number"]}
        }
      }
    },
    "limits": {
      "description": "Cadence limits (发送节奏) checked by `sopctl check`. They override the defaults and those of .sopctl.yaml.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "quiet_hours": {
          "description": "No posts in this local time range (免打扰时段), wrapping midnight when start > end. Default \"22:00-08:00\".",
          "type": "string",
          "pattern": "^\\s*([01][0-9]|2[0-3]):[0-5][0-9]\\s*-\\s*([01][0-9]|2[0-3]):[0-5][0-9]\\s*$",
          "default": "22:00-08:00"
        },
        "max_posts_per_group_per_day": {
          "description": "At most this many posts per group per day, so that the group is not flooded (刷屏). Default 6.",
          "type": "integer",
          "minimum": 1,
          "default": 6
        },
        "customer_mass_sends": {
          "description": "Customer SOPs: mass sends (客户群发) a customer may get per day. WeCom's rule, which it changes; default 1.",
          "type": "integer",
          "minimum": 1,
          "default": 1
        },
        "mass_sends": {
          "description": "WeCom customer mass-send quota (企业群发) per group.",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "per": {
              "description": "The period the quota counts over. Default month.",
              "type": "string",
              "enum": ["day", "week", "month"]
            },
            "max": {
              "description": "Sends allowed per period: a number, or days_in_month (the default: one per day of the month).",
              "type": ["integer", "string"],
              "minimum": 0,
              "pattern": "^days_in_month$"
            }
          }
        }
      }
    },
    "funnel": {
      "description": "Default funnel steps (漏斗) for `sopctl funnel --sop`, in order, e.g. [join_group, read, signup, order]; or {steps, window, mode}.",
      "oneOf": [
        {"type": ["array", "string"], "items": {"type": "string"}},
        {"type": "object", "additionalProperties": false, "required": ["steps"],
         "properties": {
           "steps": {"type": "array", "items": {"type": "string"}},
           "window": {"type": "string", "pattern": "^[0-9]+[smhd]$"},
           "mode": {"type": "string", "enum": ["ordered", "strict", "any"]}}}
      ]
    },
    "metrics": {
      "description": "Event names per AARRR stage (海盗指标) for `sopctl aarrr --sop`.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "acquisition": {
          "description": "Acquisition (获客) events, e.g. join_group.",
          "type": ["array", "string"],
          "items": {"type": "string"}
        },
        "activation": {
          "description": "Activation (激活) events: the core action, e.g. first check-in.",
          "type": ["array", "string"],
          "items": {"type": "string"}
        },
        "retention": {
          "description": "Retention (留存) events: coming back, e.g. read, check_in.",
          "type": ["array", "string"],
          "items": {"type": "string"}
        },
        "revenue": {
          "description": "Revenue (变现) events, e.g. order.",
          "type": ["array", "string"],
          "items": {"type": "string"}
        },
        "referral": {
          "description": "Referral (推荐/裂变) events, e.g. invite.",
          "type": ["array", "string"],
          "items": {"type": "string"}
        }
      }
    },
    "tasks": {
      "description": "Scheduled tasks: what is sent, when, by whom, through which channel. Each task has exactly one schedule selector: day, days, date, dates or every.",
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["id"],
        "properties": {
          "id": {
            "description": "Task id, unique in the file. Lowercase letters, digits, '-' and '_'.",
            "type": ["string", "integer"],
            "pattern": "^[a-z0-9][a-z0-9_-]*$"
          },
          "title": {
            "description": "What the task is, e.g. 每日早读.",
            "type": "string"
          },
          "type": {
            "description": "Activity type: fission 裂变, conversion 转化, activity 活跃, retention 留存, education 用户教育 (trust before selling), setup 准备, review 复盘.",
            "type": "string",
            "enum": ["fission", "conversion", "activity", "retention", "education", "setup", "review"]
          },
          "channel": {
            "description": "Where it is sent: group 群聊, mass 企业群发, private 私聊, moments 朋友圈, announcement 群公告, live 直播. Default group.",
            "type": "string",
            "enum": ["group", "mass", "private", "moments", "announcement", "live"],
            "default": "group"
          },
          "owner": {
            "description": "Who does it: a role (owner 群主, assistant 助理, advisor 顾问, ...), resolved to each group's staff, or a staff id from the roster.",
            "type": "string",
            "examples": ["owner", "assistant"]
          },
          "at": {
            "description": "Local time HH:MM (00:00..23:59); without it the task is all-day. Quote it: \"08:00\".",
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
          },
          "duration": {
            "description": "How long it takes: a number and a unit, e.g. 30m, 1h, 1h30m, 1d.",
            "type": "string",
            "minLength": 2,
            "pattern": "^([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?$"
          },
          "day": {
            "description": "Schedule: one group day. 1 is the open date, -1 the day before; there is no day 0.",
            "type": "integer",
            "not": {"const": 0},
            "minimum": -3660,
            "maximum": 3660
          },
          "days": {
            "description": "Schedule: listed group days [1, 3, 5] or an inclusive range \"1..7\" (never day 0).",
            "type": ["array", "string", "integer"],
            "items": {
              "type": ["integer", "string"],
              "not": {"const": 0},
              "pattern": "^\\s*-?[0-9]+\\s*\\.\\.\\s*-?[0-9]+\\s*$"
            },
            "not": {"const": 0},
            "pattern": "^\\s*-?[0-9]+\\s*\\.\\.\\s*-?[0-9]+\\s*$"
          },
          "date": {
            "description": "Schedule: one absolute local date YYYY-MM-DD, for campaigns not tied to a group's opening (e.g. 双12).",
            "type": "string",
            "pattern": "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}(\\s*\\.\\.\\s*[0-9]{4}-[0-9]{2}-[0-9]{2})?\\s*$"
          },
          "dates": {
            "description": "Schedule: a list of local dates, or a range \"2026-12-01..2026-12-07\".",
            "type": ["array", "string"],
            "items": {
              "type": "string",
              "pattern": "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}(\\s*\\.\\.\\s*[0-9]{4}-[0-9]{2}-[0-9]{2})?\\s*$"
            },
            "pattern": "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}(\\s*\\.\\.\\s*[0-9]{4}-[0-9]{2}-[0-9]{2})?\\s*$"
          },
          "every": {
            "description": "Schedule: repeat within `phase` (or from..to, or the whole plan). day; workday / offday / weekend from the calendar (调休 make-up days are workdays); a weekday (mon or 周一) or a list like [mon, thu]; {month_day: [1, 15, -1]}; {days: 3}; or {weekday: mon, nth: [1, -1]}.",
            "anyOf": [
              {
                "type": "string",
                "enum": ["day", "workday", "offday", "weekend", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
                         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                         "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天"]
              },
              {
                "type": "array",
                "minItems": 1,
                "items": {
                  "type": "string",
                  "enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun",
                           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
                }
              },
              {
                "type": "object",
                "additionalProperties": false,
                "required": ["month_day"],
                "properties": {
                  "month_day": {
                    "description": "Days of the month (1..31, or -1 for the last day, -2 the one before); a month without that day skips it (with a lint warning).",
                    "type": ["array", "integer"],
                    "items": {"type": "integer", "minimum": -28, "maximum": 31}
                  }
                }
              },
              {
                "type": "object",
                "additionalProperties": false,
                "required": ["days"],
                "properties": {"days": {"description": "Every Nth day from the start of the bound (phase, from, or the open date).", "type": "integer", "minimum": 1, "maximum": 366}}
              },
              {
                "type": "object",
                "additionalProperties": false,
                "required": ["weekday", "nth"],
                "properties": {
                  "weekday": {"type": "string"},
                  "nth": {"description": "Weeks of the month: 1 the first, -1 the last.", "type": ["array", "integer"], "items": {"type": "integer", "minimum": -5, "maximum": 5}}
                }
              }
            ]
          },
          "phase": {
            "description": "Bounds an `every` to the days of this phase (an id from `phases`).",
            "type": "string"
          },
          "from": {
            "description": "Bounds an `every`: first group day (never 0) or date YYYY-MM-DD.",
            "type": ["integer", "string"],
            "not": {"const": 0},
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
          },
          "to": {
            "description": "Bounds an `every`: last group day (inclusive, never 0) or date YYYY-MM-DD.",
            "type": ["integer", "string"],
            "not": {"const": 0},
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
          },
          "on_holiday": {
            "description": "When an occurrence falls on a day off (节假日): keep it (default), skip it, or move it to the next or previous workday.",
            "type": "string",
            "enum": ["keep", "skip", "next-workday", "prev-workday"],
            "default": "keep"
          },
          "script": {
            "description": "The message (话术). Placeholders: {day} {date} {weekday} {group} {group_name} {owner} {phase} {phase_name} {countdown} {letter}; %NICKNAME% is left for WeCom. At most 4000 UTF-8 bytes (朋友圈 moments: 2000 characters).",
            "type": "string"
          },
          "assets": {
            "description": "Files sent with the message (posters 海报, images); at most 9.",
            "type": ["array", "string"],
            "items": {"type": "string"}
          }
        }
      }
    }
  }
}
)json";

}  // namespace

std::string_view sop_json_schema() {
  return k_schema;
}

}  // namespace sopctl
