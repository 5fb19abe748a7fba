#include "record_fragments.hpp"

#include "eligibility/json_writer.hpp"

namespace eligibility::detail {
namespace {

void member(std::string& out, std::string_view key, std::string_view value) {
    if (!out.empty()) out.push_back(',');
    append_json_string(out, key);
    out.push_back(':');
    append_json_string(out, value);
}

void render(Service& s, const char* section, Record& r, bool with_channel) {
    RecordJson& j = r.json;
    j = RecordJson{};
    j.index = static_cast<uint32_t>(s.fragment_records.size());
    s.fragment_records.push_back(&r);
    member(j.head, "id", r.id);
    if (with_channel && r.channel >= 0) member(j.head, "channel", s.channel_ids[static_cast<size_t>(r.channel)]);
    if (r.window.has_until) member(j.provenance, "until", CivilDate::from_days(r.window.until).to_string());
    member(j.provenance, "citation", r.citation);
    if (r.confidence != Confidence::official) member(j.provenance, "confidence", confidence_name(r.confidence));
    for (size_t lang = 0; lang < j.texts.size(); ++lang) {
        member(j.texts[lang], "title", r.title.text[lang]);
        if (r.note.present) member(j.texts[lang], "note", r.note.text[lang]);
    }
    std::string rule = std::string(section) + "/" + r.id + (r.variant.empty() ? "" : ":" + r.variant);
    std::string trace;
    member(trace, "rule", rule);
    member(trace, "citation", r.citation);
    j.trace = "{" + trace + "}";
}

}  // namespace

void render_fragments(Service& s) {
    s.fragment_records.clear();
    for (VerdictRecord& v : s.verdicts) {
        render(s, "verdicts", v, false);
        v.json.head.clear();
        member(v.json.head, "code", v.code);
        member(v.json.head, "basis", v.id);
        for (Record& c : v.channels) render(s, "channels", c, false);
    }
    for (FeeRecord& r : s.fees) render(s, "fees", r, true);
    for (WaiverRecord& r : s.waivers) render(s, "waivers", r, false);
    for (Record& r : s.documents) render(s, "documents", r, true);
    for (CheckRecord& r : s.checks) {
        render(s, "checks", r, true);
        if (r.fail_note.present) {
            for (size_t lang = 0; lang < r.json.fail_note.size(); ++lang) member(r.json.fail_note[lang], "fail_note", r.fail_note.text[lang]);
        }
    }
    for (DeadlineRecord& r : s.deadlines) render(s, "deadlines", r, true);
    for (Record& r : s.notices) render(s, "notices", r, true);
}

}  // namespace eligibility::detail

namespace eligibility {

void Service::ensure_fragments() const {
    // Every Service is made non-const (the loader, a snapshot) and shared as const afterwards, so
    // writing its own fragments once, here, is well-defined.
    std::call_once(fragments_rendered.flag, [this] { detail::render_fragments(const_cast<Service&>(*this)); });
}

}  // namespace eligibility
