// Text written member by member must be the document nlohmann writes for the same values: the
// queue's pages are written this way (engine/util/json_text.hpp) and every other answer the other.
#include <doctest/doctest.h>

#include "api/handlers/dispute_json.hpp"
#include "api/handlers/task_json.hpp"
#include "engine/util/json_text.hpp"
#include "api/pagination.hpp"

using namespace jiaohe;

namespace {

engine::tasks::Task full_task() {
  engine::tasks::Task t;
  t.id = 9007199254740993;  // beyond a double's exact integers
  t.kind = engine::tasks::TaskKind::kVerifyDispute;
  t.status = engine::tasks::TaskStatus::kInProgress;
  t.assignee = "gaj";
  t.assigned_to = engine::tasks::Person{"s-01", "王 \"小\"明\\"};
  t.step = "verify_dispute (Art. 19 ¶1)";
  t.dataset_id = "gaj_hukou";
  t.rule_id = "BL-CONF-001";
  t.dispute_id = 7;
  t.parent_task_id = 3;
  t.scan_id = 2;
  t.received_at = engine::Instant(std::chrono::microseconds(1764547200123456));
  t.due_at = engine::Instant(std::chrono::seconds(1765152000));
  t.provisional = true;
  t.deadline_version = 2;
  t.overdue = true;
  t.extensions = 1;
  t.extension_asked = 5;
  t.resolution = "corrected";
  t.resolution_reason = "line\nbreak\ttab\x01 and \x1f, slash / and 中文";
  t.flags = {"record_flagged", "a\"b"};
  t.answered_at = engine::Instant(std::chrono::seconds(1765000000));
  t.closed_at = engine::Instant(std::chrono::seconds(1765100000));
  return t;
}

engine::disputes::DisputeView full_dispute() {
  engine::disputes::DisputeView v;
  v.id = 9007199254740993;
  v.kind = "withdrawal";
  v.subject_id = "330102199001011234";
  v.dataset_id = "gaj_hukou";
  v.attribute = "name";
  v.agency_code = "gaj";
  v.channel = "authority";
  v.status = "resolved";
  v.result = "corrected";
  v.result_reason = "tab\there, quote \" and backslash \\";
  v.claimed_value = "王 小明";
  v.description = "line\nbreak \x01\x1f 异议 😀";
  v.filed_at = engine::Instant(std::chrono::microseconds(1764547200123456));
  v.deadline = engine::Instant(std::chrono::seconds(1765152000));
  v.current_step = "verify_withdrawal";
  v.assignee = "gaj";
  v.history = {{engine::Instant(std::chrono::seconds(1765000000)), 7, "forward_dispute", "forwarded", "authority", ""},
               {engine::Instant(std::chrono::seconds(1765100000)), 8, "verify", "answered", "agency", "as \"filed\""}};
  v.publication = "suspended";
  v.publication_changed_at = engine::Instant(std::chrono::seconds(1765000000));
  return v;
}

}  // namespace

TEST_CASE("a dispute written as text is the document dispute_json writes, every member set or none") {
  auto no_since = full_dispute();
  no_since.publication_changed_at.reset();
  for (const auto& v : {full_dispute(), no_since, engine::disputes::DisputeView{}}) {
    std::string text;
    api::handlers::append_dispute_json(text, v);
    CHECK(text == api::handlers::dispute_json(v).dump());
    CHECK(nlohmann::json::parse(text) == api::handlers::dispute_json(v));
  }
}

TEST_CASE("a task written as text is the document task_json writes, every member set or none") {
  const auto now = engine::Instant(std::chrono::seconds(1765200000));
  for (const auto& t : {full_task(), engine::tasks::Task{}}) {
    std::string text;
    api::handlers::append_task_json(text, t, now);
    CHECK(text == api::handlers::task_json(t, now).dump());
    CHECK(nlohmann::json::parse(text) == api::handlers::task_json(t, now));
  }
}

TEST_CASE("strings are escaped as nlohmann escapes them, UTF-8 passed through") {
  std::string all_bytes;
  for (int c = 1; c < 0x80; ++c) all_bytes += static_cast<char>(c);
  all_bytes += "异议标注 ¶ 😀";
  std::string text;
  engine::util::append_json_string(text, all_bytes);
  CHECK(text == nlohmann::json(all_bytes).dump());
}

TEST_CASE("a page written as text is the page page_response writes") {
  const auto now = engine::Instant(std::chrono::seconds(1765200000));
  engine::store::Page<engine::tasks::Task> page;
  page.items = {full_task(), engine::tasks::Task{}};
  for (const std::optional<std::int64_t> next : {std::optional<std::int64_t>(), std::optional<std::int64_t>(4711)}) {
    page.next_before_id = next;
    const auto text = api::page_text_response(page, [&](std::string& out, const engine::tasks::Task& t) {
      api::handlers::append_task_json(out, t, now);
    });
    const auto tree = api::page_response(page, [&](const engine::tasks::Task& t) { return api::handlers::task_json(t, now); });
    CHECK(text.body == tree.body);
    CHECK(text.status == tree.status);
    CHECK(text.content_type == tree.content_type);
  }
  page.items.clear();
  CHECK(api::page_text_response(page, [](std::string&, const engine::tasks::Task&) {}).body ==
        api::page_response(page, [](const engine::tasks::Task&) { return nlohmann::json(); }).body);
}
