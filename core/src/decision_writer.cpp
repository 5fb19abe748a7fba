#include "eligibility/decision_writer.hpp"

#include <algorithm>

#include "eligibility/decision_tape.hpp"
#include "eligibility/json_writer.hpp"

namespace eligibility {
namespace {

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

// A tape (decision_tape.hpp) as JSON text: strings by their numbers, each record's static
// members copied from its JSON rendered once (record_fragments.cpp).
class TapeText {
public:
    TapeText(const DecisionTape& tape, std::optional<Lang> lang, std::string& out)
        : tape_(tape), words_(tape.words().data()), records_(tape.service()->fragment_records), lang_(lang), w_(out) {}

    void value() {
        const int32_t word = words_[at_++];
        const int32_t n = word >> kTapeOpBits;
        switch (static_cast<TapeOp>(word & 15)) {
            case TapeOp::begin_object:
                w_.begin_object();
                members();
                w_.end_object();
                return;
            case TapeOp::begin_array:
                w_.begin_array();
                while (static_cast<TapeOp>(words_[at_]) != TapeOp::end) value();
                ++at_;
                w_.end_array();
                return;
            case TapeOp::string: w_.string(tape_.string_at(static_cast<uint32_t>(n))); return;
            case TapeOp::integer: w_.integer(n); return;
            case TapeOp::wide_integer: {
                const auto low = static_cast<uint32_t>(words_[at_++]);
                const auto high = static_cast<uint32_t>(words_[at_++]);
                w_.integer(static_cast<int64_t>(uint64_t{high} << 32 | low));
                return;
            }
            case TapeOp::true_value: w_.boolean(true); return;
            case TapeOp::false_value: w_.boolean(false); return;
            case TapeOp::null_value: w_.null(); return;
            case TapeOp::date: w_.date(date_from_argument(n)); return;
            case TapeOp::record:
                w_.begin_object();
                w_.members(record(n).head);
                provenance(record(n));
                w_.end_object();
                return;
            case TapeOp::trace: w_.raw_value(record(n).trace); return;
            default: return;  // the writer puts no other operation where a value belongs
        }
    }

private:
    void members() {
        for (;;) {
            const int32_t word = words_[at_++];
            const int32_t n = word >> kTapeOpBits;
            switch (static_cast<TapeOp>(word & 15)) {
                case TapeOp::end: return;
                case TapeOp::key:
                    w_.key(tape_.string_at(static_cast<uint32_t>(n)));
                    value();
                    break;
                case TapeOp::head: w_.members(record(n).head); break;
                case TapeOp::provenance: provenance(record(n)); break;
                case TapeOp::fail_note:
                    if (lang_) w_.members(record(n).fail_note[static_cast<size_t>(*lang_)]);
                    break;
                default: break;  // the writer puts no other operation among members
            }
        }
    }

    const RecordJson& record(int32_t n) const { return records_[static_cast<size_t>(n)]->json; }

    void provenance(const RecordJson& r) {
        w_.members(r.provenance);
        if (lang_) w_.members(r.texts[static_cast<size_t>(*lang_)]);
    }

    const DecisionTape& tape_;
    const int32_t* words_;
    const std::vector<const Record*>& records_;
    std::optional<Lang> lang_;
    JsonWriter w_;
    size_t at_ = 0;
};

}  // namespace

bool write_failure(const Decision& d, std::optional<Lang> lang, std::string& out) {
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

void write_decision(const RuleSet& rules, const Decision& d, std::optional<Lang> lang, std::string& out) {
    DecisionTape tape;
    write_decision_tape(rules, d, lang, tape);
    write_decision_text(tape, lang, out);
}

void write_decision_text(const DecisionTape& tape, std::optional<Lang> lang, std::string& out) {
    if (tape.is_text()) {
        out.append(tape.text());
        return;
    }
    TapeText(tape, lang, out).value();
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
    if (write_failure(d, lang, out)) return;
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
