#include "eligibility/decision_writer.hpp"

#include <algorithm>
#include <array>

#include "decision_out.hpp"
#include "eligibility/json_writer.hpp"

namespace eligibility {
namespace {

// A country's two-letter code from its value (country_value), from one table that lives as long
// as the program: the tape keeps strings by where they are (decision_tape.cpp).
std::string_view country_code(int64_t v) {
    static const std::array<char, 26 * 26 * 2> codes = [] {
        std::array<char, 26 * 26 * 2> all{};
        for (size_t i = 0; i < 26 * 26; ++i) {
            all[2 * i] = static_cast<char>('A' + i / 26);
            all[2 * i + 1] = static_cast<char>('A' + i % 26);
        }
        return all;
    }();
    return std::string_view(codes.data() + 2 * v, 2);
}

// Lays a decision out (docs/contract.md: which members, in which order) through a DecisionOut.
class DecisionWriter {
public:
    DecisionWriter(const RuleSet& rules, const Decision& d, std::optional<Lang> lang, detail::DecisionOut& out)
        : rules_(rules), d_(d), s_(*d.service), lang_(lang), w_(out) {}

    void write() {
        w_.begin_object();
        w_.field("status", status_name(d_.status));
        w_.field("service", s_.id);
        w_.key("as_of");
        w_.date(d_.as_of);
        w_.field("rules_version", rules_.version);
        if (lang_) w_.field("lang", lang_code(*lang_));
        verdict();
        missing();
        fees();
        totals();
        items("documents", s_.documents, d_.documents);
        checks();
        deadlines();
        items("notices", s_.notices, d_.notices);
        trace();
        w_.end_object();
    }

private:
    void outputs(const std::vector<Output>& defs, const OutputValues& values) {
        for (size_t k = 0; k < defs.size(); ++k) {
            if (!(values.known >> k & 1)) continue;
            const Output& o = defs[k];
            w_.key(o.name);
            value(o.type, values.values[k]);
        }
    }

    void value(ValueType type, int64_t v) {
        switch (type.kind) {
            case ValueKind::boolean: w_.boolean(v != 0); return;
            case ValueKind::integer: w_.integer(v); return;
            case ValueKind::date: w_.date(CivilDate::from_days(static_cast<int32_t>(v))); return;
            case ValueKind::enumeration: w_.string(s_.facts[type.fact].options[static_cast<size_t>(v)].value); return;
            case ValueKind::country:
                if (v >= kCountrySpecialBase && type.fact != kNoFact) {
                    w_.string(s_.facts[type.fact].special[static_cast<size_t>(v - kCountrySpecialBase)].value);
                } else {
                    w_.string(country_code(v));
                }
                return;
        }
    }

    void channel_field(int channel) {
        if (channel >= 0) w_.field("channel", s_.channel_ids[static_cast<size_t>(channel)]);
    }

    void verdict() {
        w_.key("verdict");
        if (!d_.verdict_known) {
            w_.null();
            return;
        }
        const VerdictRecord& v = s_.verdicts[d_.verdict];
        w_.begin_object();
        w_.head(v);  // code, basis
        outputs(v.outputs, d_.verdict_outputs);
        if (!v.channel_groups.empty()) {
            w_.key("channels");
            w_.begin_array();
            for (const ChannelResult& c : d_.channels) w_.string(s_.channel_ids[c.channel]);
            w_.end_array();
            w_.key("channel_details");
            w_.begin_array();
            for (const ChannelResult& c : d_.channels) w_.static_record(v.channels[c.record]);
            w_.end_array();
        }
        w_.provenance(v);
        w_.end_object();
    }

    void missing() {
        w_.key("missing");
        w_.begin_array();
        for (size_t i = 0; i < s_.facts.size(); ++i) {
            if (d_.missing >> i & 1) w_.fact_id(s_.facts[i]);
        }
        w_.end_array();
    }

    void fees() {
        w_.key("fees");
        w_.begin_array();
        for (const FeeResult& r : d_.fees) {
            const FeeRecord& fee = s_.fees[r.record];
            w_.begin_object();
            w_.head(fee);  // id, channel
            if (fee.amount_known) {
                w_.field_int("amount_minor", r.waived ? 0 : fee.amount.amount_minor);
                w_.field("currency", fee.amount.currency.view());
            } else if (r.waived) {
                // Waived: nothing to pay, even though the sources give no amount (or currency).
                w_.field_int("amount_minor", 0);
            } else {
                w_.field_bool("amount_known", false);
            }
            w_.field_bool("waived", r.waived);
            if (r.waived) {
                if (fee.amount_known) w_.field_int("waived_amount_minor", fee.amount.amount_minor);
                w_.key("waiver");
                w_.static_record(s_.waivers[r.waiver]);
            }
            outputs(fee.outputs, r.outputs);
            w_.provenance(fee);
            w_.end_object();
        }
        w_.end_array();
    }

    void totals() {
        w_.key("totals");
        w_.begin_array();
        for (const Total& t : d_.totals) {
            w_.begin_object();
            channel_field(t.channel);
            if (t.amount_known) {
                w_.field("currency", t.money.currency.view());
                w_.field_int("amount_minor", t.money.amount_minor);
            } else {
                w_.field_bool("amount_known", false);
            }
            w_.end_object();
        }
        w_.end_array();
    }

    template <class R>
    void items(const char* name, const std::vector<R>& records, const std::vector<ItemResult>& results) {
        w_.key(name);
        w_.begin_array();
        for (const ItemResult& item : results) {
            const Record& r = records[item.record];
            if (item.outputs.known == 0) {
                w_.static_record(r);
                continue;
            }
            w_.begin_object();
            w_.head(r);  // id, channel
            outputs(r.outputs, item.outputs);
            w_.provenance(r);
            w_.end_object();
        }
        w_.end_array();
    }

    void checks() {
        w_.key("checks");
        w_.begin_array();
        for (const ItemResult& item : d_.checks) {
            const CheckRecord& c = s_.checks[item.record];
            w_.begin_object();
            w_.head(c);  // id, channel
            w_.field("result", item.result == Tri::yes ? "pass" : item.result == Tri::no ? "fail" : "unknown");
            if (item.result == Tri::no) w_.field("severity", c.severity == Severity::blocker ? "blocker" : "warning");
            outputs(c.outputs, item.outputs);
            w_.provenance(c);
            // fail_note follows the provenance.
            if (lang_ && item.result == Tri::no && c.fail_note.present) w_.fail_note(c);
            w_.end_object();
        }
        w_.end_array();
    }

    void deadlines() {
        w_.key("deadlines");
        w_.begin_array();
        for (const ItemResult& item : d_.deadlines) {
            const DeadlineRecord& dl = s_.deadlines[item.record];
            w_.begin_object();
            w_.head(dl);  // id, channel
            static constexpr const char* kUnitKeys[] = {"within_days", "within_working_days", "within_hours", "within_months"};
            w_.field_int(kUnitKeys[static_cast<size_t>(dl.unit)], dl.within);
            if (item.has_due) {
                w_.key("due");
                w_.date(item.due);
            }
            outputs(dl.outputs, item.outputs);
            w_.provenance(dl);
            w_.end_object();
        }
        w_.end_array();
    }

    void trace() {
        w_.key("trace");
        w_.begin_array();
        if (d_.verdict_known) {
            const VerdictRecord& v = s_.verdicts[d_.verdict];
            w_.trace_entry(v);
            for (const ChannelResult& c : d_.channels) w_.trace_entry(v.channels[c.record]);
        }
        for (const FeeResult& r : d_.fees) {
            if (r.waived) w_.trace_entry(s_.waivers[r.waiver]);
        }
        w_.end_array();
    }

    const RuleSet& rules_;
    const Decision& d_;
    const Service& s_;
    std::optional<Lang> lang_;
    detail::DecisionOut& w_;
};

// The decision as JSON text: each record's static members copied from its JSON rendered once
// (record_fragments.cpp).
class JsonDecisionOut final : public detail::DecisionOut {
public:
    JsonDecisionOut(std::optional<Lang> lang, std::string& out) : lang_(lang), w_(out) {}

    void begin_object() override { w_.begin_object(); }
    void end_object() override { w_.end_object(); }
    void begin_array() override { w_.begin_array(); }
    void end_array() override { w_.end_array(); }
    void key(std::string_view k) override { w_.key(k); }
    void string(std::string_view s) override { w_.string(s); }
    void integer(int64_t v) override { w_.integer(v); }
    void boolean(bool v) override { w_.boolean(v); }
    void null() override { w_.null(); }
    void date(CivilDate d) override { w_.date(d); }

    void head(const Record& r) override { w_.members(r.json.head); }
    void provenance(const Record& r) override {
        w_.members(r.json.provenance);
        if (lang_) w_.members(r.json.texts[static_cast<size_t>(*lang_)]);
    }
    void fail_note(const Record& r) override {
        if (lang_) w_.members(r.json.fail_note[static_cast<size_t>(*lang_)]);
    }
    void static_record(const Record& r) override {
        w_.begin_object();
        head(r);
        provenance(r);
        w_.end_object();
    }
    void trace_entry(const Record& r) override { w_.raw_value(r.json.trace); }
    void fact_id(const FactDef& f) override { w_.raw_value(f.json_id); }

private:
    std::optional<Lang> lang_;
    JsonWriter w_;
};

const char* fact_type_name(ValueKind k) {
    switch (k) {
        case ValueKind::boolean: return "bool";
        case ValueKind::integer: return "int";
        case ValueKind::date: return "date";
        case ValueKind::enumeration: return "enum";
        case ValueKind::country: return "country";
    }
    return "string";
}

void write_fact(JsonWriter& w, const RuleSet& rules, const FactDef& f, Lang lang) {
    w.begin_object();
    w.field("id", f.id);
    w.field("type", fact_type_name(f.kind));
    w.field("label", f.question.in(lang));
    if (f.help.present) w.field("help", f.help.in(lang));
    if (f.kind == ValueKind::integer) {
        w.field_int("min", f.min);
        w.field_int("max", f.max);
    }
    if (f.kind == ValueKind::enumeration || f.kind == ValueKind::country) {
        w.key("options");
        w.begin_array();
        const auto option = [&](std::string_view value, const LocalText& label) {
            w.begin_object();
            w.field("value", value);
            w.field("label", label.in(lang));
            w.end_object();
        };
        if (f.kind == ValueKind::enumeration) {
            for (const Option& o : f.options) option(o.value, o.title);
        } else {
            for (const Country& c : rules.countries) {
                const int64_t v = country_value(c.code[0], c.code[1]);
                if (std::binary_search(f.excluded.begin(), f.excluded.end(), v)) continue;
                option(std::string_view(c.code.data(), 2), c.name);
            }
            for (const Option& o : f.special) option(o.value, o.title);
        }
        w.end_array();
    }
    w.end_object();
}

// Facts that cannot both hold: the rules' own message, in the language asked for (English
// otherwise), and the id of the constraint, so that a client can tell them apart.
void write_violations(const Service& s, const std::vector<uint32_t>& violated, std::optional<Lang> lang, std::string& out) {
    JsonWriter w(out);
    w.begin_object();
    w.field("status", "error");
    w.key("errors");
    w.begin_array();
    for (const uint32_t index : violated) {
        const Constraint& c = s.constraints[index];
        w.begin_object();
        w.field("path", c.path);
        w.field("code", error_code_name(ErrorCode::inconsistent));
        w.field("message", c.message.in(lang.value_or(Lang::en)));
        w.field("constraint", c.id);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

}  // namespace

namespace detail {

void write_decision_to(const RuleSet& rules, const Decision& d, std::optional<Lang> lang, DecisionOut& out) {
    DecisionWriter(rules, d, lang, out).write();
}

bool write_decision_failure(const Decision& d, std::optional<Lang> lang, std::string& out) {
    if (d.status == Status::error && d.service && !d.violated.empty()) {
        write_violations(*d.service, d.violated, lang, out);
        return true;
    }
    if (d.status == Status::error || !d.service) {
        write_errors(d.errors, out);
        return true;
    }
    return false;
}

}  // namespace detail

void write_decision(const RuleSet& rules, const Decision& d, std::optional<Lang> lang, std::string& out) {
    if (detail::write_decision_failure(d, lang, out)) return;
    d.service->ensure_fragments();
    JsonDecisionOut json(lang, out);
    detail::write_decision_to(rules, d, lang, json);
}

void write_fragments(const Service& s, std::optional<Lang> lang, std::string& out) {
    s.ensure_fragments();
    // [{"h": head, "t": provenance (and texts), "w": trace entry, "f": fail_note?}, …] by index
    JsonWriter w(out);
    w.begin_array();
    for (const Record* r : s.fragment_records) {
        const RecordJson& j = r->json;
        w.begin_object();
        w.key("h");
        w.begin_object();
        w.members(j.head);
        w.end_object();
        w.key("t");
        w.begin_object();
        w.members(j.provenance);
        if (lang) w.members(j.texts[static_cast<size_t>(*lang)]);
        w.end_object();
        w.key("w");
        w.raw_value(j.trace);
        if (lang && !j.fail_note[static_cast<size_t>(*lang)].empty()) {
            w.key("f");
            w.begin_object();
            w.members(j.fail_note[static_cast<size_t>(*lang)]);
            w.end_object();
        }
        w.end_object();
    }
    w.end_array();
}

void write_errors(const Errors& errors, std::string& out) {
    JsonWriter w(out);
    w.begin_object();
    w.field("status", "error");
    w.key("errors");
    w.begin_array();
    for (const Error& e : errors) {
        w.begin_object();
        w.field("path", e.path);
        w.field("code", error_code_name(e.code));
        w.field("message", e.message);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_questions(const RuleSet& rules, const Decision& d, Lang lang, std::string& out) {
    if (detail::write_decision_failure(d, lang, out)) return;
    JsonWriter w(out);
    w.begin_object();
    w.field("status", status_name(d.status));
    w.field("service", d.service->id);
    w.key("questions");
    w.begin_array();
    for (size_t i = 0; i < d.service->facts.size(); ++i) {
        if (d.missing >> i & 1) write_fact(w, rules, d.service->facts[i], lang);
    }
    w.end_array();
    w.end_object();
}

void write_facts(const RuleSet& rules, const Service& s, Lang lang, std::string& out) {
    JsonWriter w(out);
    w.begin_object();
    w.field("service", s.id);
    w.key("facts");
    w.begin_array();
    for (const FactDef& f : s.facts) write_fact(w, rules, f, lang);
    w.end_array();
    w.end_object();
}

void write_services(const RuleSet& rules, Lang lang, std::string& out) {
    JsonWriter w(out);
    w.begin_array();
    for (const CatalogueEntry& s : rules.catalogue) {
        // A loaded service's own title (a mission may have changed it), else the catalogue's.
        const Service* loaded = rules.find_service(s.id);
        w.begin_object();
        w.field("id", s.id);
        w.field("title", (loaded && loaded->speaks(lang) ? loaded->title : s.title).in(lang));
        w.end_object();
    }
    w.end_array();
}

void write_countries(const RuleSet& rules, Lang lang, std::string& out) {
    JsonWriter w(out);
    w.begin_array();
    for (const Country& c : rules.countries) {
        w.begin_object();
        w.field("code", std::string_view(c.code.data(), 2));
        w.field("name", c.name.in(lang));
        w.end_object();
    }
    w.end_array();
}

}  // namespace eligibility
