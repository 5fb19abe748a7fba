// The layout of a decision (docs/contract.md, section 2: which members, in which order), written
// once, onto a tape (decision_tape.hpp). The JSON text that the CLI prints is that tape written
// out (decision_writer.cpp), and the JavaScript API builds its objects from it.
#include <array>

#include "eligibility/decision_tape.hpp"
#include "eligibility/decision_writer.hpp"

namespace eligibility {
namespace {

// What the layout below writes with: values as words, strings by number, records by fragment
// number.
class TapeOut {
public:
    explicit TapeOut(DecisionTape& tape) : t_(tape) {}

    void begin_object() { t_.put(TapeOp::begin_object); }
    void end_object() { t_.put(TapeOp::end); }
    void begin_array() { t_.put(TapeOp::begin_array); }
    void end_array() { t_.put(TapeOp::end); }
    void key(std::string_view k) { t_.put(TapeOp::key, static_cast<int32_t>(t_.number(k))); }
    void string(std::string_view s) { t_.put(TapeOp::string, static_cast<int32_t>(t_.number(s))); }
    void integer(int64_t v) { t_.put_integer(v); }
    void boolean(bool v) { t_.put(v ? TapeOp::true_value : TapeOp::false_value); }
    void null() { t_.put(TapeOp::null_value); }
    void date(CivilDate d) { t_.put(TapeOp::date, date_argument(d)); }
    void field(std::string_view k, std::string_view v) { key(k); string(v); }
    void field_int(std::string_view k, int64_t v) { key(k); integer(v); }
    void field_bool(std::string_view k, bool v) { key(k); boolean(v); }

    // A record's static members, placed into the open object: its head (id and channel; a
    // verdict's code and basis), its provenance (until, citation, confidence, and title and note
    // in the decision's language), a failed check's fail_note.
    void head(const Record& r) { t_.put(TapeOp::head, index(r)); }
    void provenance(const Record& r) { t_.put(TapeOp::provenance, index(r)); }
    void fail_note(const Record& r) { t_.put(TapeOp::fail_note, index(r)); }
    // A record with nothing computed, as one value (head and provenance); a trace entry.
    void static_record(const Record& r) { t_.put(TapeOp::record, index(r)); }
    void trace_entry(const Record& r) { t_.put(TapeOp::trace, index(r)); }
    void fact_id(const FactDef& f) { string(f.id); }

private:
    static int32_t index(const Record& r) { return static_cast<int32_t>(r.json.index); }

    DecisionTape& t_;
};

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

// Lays a decision out (docs/contract.md: which members, in which order) onto a tape.
class DecisionWriter {
public:
    DecisionWriter(const RuleSet& rules, const Decision& d, std::optional<Lang> lang, DecisionTape& tape)
        : rules_(rules), d_(d), s_(*d.service), lang_(lang), w_(tape) {}

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

    // `name`: an array of one entry per result, each written by `entry`.
    template <class T, class Entry>
    void array(const char* name, const std::vector<T>& results, Entry&& entry) {
        w_.key(name);
        w_.begin_array();
        for (const T& r : results) entry(r);
        w_.end_array();
    }

    // A record with members computed for this decision: its head (id and channel; a verdict's code
    // and basis), what `members` writes, its provenance, then a failed check's fail_note.
    template <class Members>
    void record_object(const Record& r, Members&& members, bool fail_note = false) {
        w_.begin_object();
        w_.head(r);
        members();
        w_.provenance(r);
        if (fail_note) w_.fail_note(r);
        w_.end_object();
    }

    void verdict() {
        w_.key("verdict");
        if (!d_.verdict_known) {
            w_.null();
            return;
        }
        const VerdictRecord& v = s_.verdicts[d_.verdict];
        record_object(v, [&] {
            outputs(v.outputs, d_.verdict_outputs);
            if (v.channel_groups.empty()) return;
            array("channels", d_.channels, [&](const ChannelResult& c) { w_.string(s_.channel_ids[c.channel]); });
            array("channel_details", d_.channels, [&](const ChannelResult& c) { w_.static_record(v.channels[c.record]); });
        });
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
        array("fees", d_.fees, [&](const FeeResult& r) {
            const FeeRecord& fee = s_.fees[r.record];
            record_object(fee, [&] {
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
            });
        });
    }

    void totals() {
        array("totals", d_.totals, [&](const Total& t) {
            w_.begin_object();
            channel_field(t.channel);
            if (t.amount_known) {
                w_.field("currency", t.money.currency.view());
                w_.field_int("amount_minor", t.money.amount_minor);
            } else {
                w_.field_bool("amount_known", false);
            }
            w_.end_object();
        });
    }

    // A record with nothing computed is one value (head and provenance together).
    template <class R>
    void items(const char* name, const std::vector<R>& records, const std::vector<ItemResult>& results) {
        array(name, results, [&](const ItemResult& item) {
            const Record& r = records[item.record];
            if (item.outputs.known == 0) w_.static_record(r);
            else record_object(r, [&] { outputs(r.outputs, item.outputs); });
        });
    }

    void checks() {
        array("checks", d_.checks, [&](const ItemResult& item) {
            const CheckRecord& c = s_.checks[item.record];
            const bool failed = item.result == Tri::no;
            record_object(c, [&] {
                w_.field("result", item.result == Tri::yes ? "pass" : failed ? "fail" : "unknown");
                if (failed) w_.field("severity", c.severity == Severity::blocker ? "blocker" : "warning");
                outputs(c.outputs, item.outputs);
            }, lang_ && failed && c.fail_note.present);
        });
    }

    void deadlines() {
        array("deadlines", d_.deadlines, [&](const ItemResult& item) {
            const DeadlineRecord& dl = s_.deadlines[item.record];
            record_object(dl, [&] {
                static constexpr const char* kUnitKeys[] = {"within_days", "within_working_days", "within_hours", "within_months"};
                w_.field_int(kUnitKeys[static_cast<size_t>(dl.unit)], dl.within);
                if (item.has_due) {
                    w_.key("due");
                    w_.date(item.due);
                }
                outputs(dl.outputs, item.outputs);
            });
        });
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
    TapeOut w_;
};

}  // namespace

void write_decision_tape(const RuleSet& rules, const Decision& d, std::optional<Lang> lang, DecisionTape& tape) {
    tape.clear();
    if (write_failure(d, lang, tape.text_)) {
        tape.is_text_ = true;
        return;
    }
    d.service->ensure_fragments();
    tape.service_ = d.service;
    tape.service_id_ = tape.number(d.service->id);
    DecisionWriter(rules, d, lang, tape).write();
}

}  // namespace eligibility
