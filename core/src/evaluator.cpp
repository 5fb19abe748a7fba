// Evaluation, in the order in which each part may depend on the ones before it:
// constraints, verdict (with its channels and outputs), fees, documents, checks, deadlines,
// notices. Each part is reported only once it is certain; what would make it certain goes into
// `missing`.
#include "eligibility/evaluator.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "eligibility/limits.hpp"

namespace eligibility {

const char* status_name(Status s) {
    switch (s) {
        case Status::decided: return "decided";
        case Status::needs_input: return "needs_input";
        case Status::error: return "error";
    }
    return "error";
}

namespace {

// The channel gate of a record that belongs to one channel.
Tri channel_gate(const EvalContext& ctx, int channel, uint64_t& missing) {
    return channel < 0 ? Tri::yes : channel_offered(ctx, static_cast<uint32_t>(channel), missing);
}

// Does this record apply? Read like {"all": [channel gate, when]}: the gate is asked about first.
Tri applies(const EvalContext& ctx, const Record& r, uint64_t& missing) {
    if (!r.window.contains(ctx.as_of)) return Tri::no;
    uint64_t gate_missing = 0, when_missing = 0;
    const Tri gate = channel_gate(ctx, r.channel, gate_missing);
    if (gate == Tri::no) return Tri::no;
    const Tri when = evaluate_condition(ctx, r.when, when_missing);
    if (when == Tri::no) return Tri::no;
    if (gate == Tri::unknown) {
        missing |= gate_missing;
        return Tri::unknown;
    }
    if (when == Tri::unknown) missing |= when_missing;
    return when;
}

// Variants are tried in order: the first that applies wins; an earlier one still unknown means
// the item is not yet certain. Returns the record index, or -1 (none applies, or uncertain).
template <class R>
int resolve(const EvalContext& ctx, const std::vector<R>& records, const std::vector<uint32_t>& group,
            uint64_t& missing, bool& uncertain) {
    uncertain = false;
    for (uint32_t index : group) {
        uint64_t m = 0;
        const Tri t = applies(ctx, records[index], m);
        if (t == Tri::yes) return static_cast<int>(index);
        if (t == Tri::unknown) {
            uncertain = true;
            missing |= m;
            return -1;
        }
    }
    return -1;
}

// Computes a record's outputs. An output that needs facts is left out and its facts are missing;
// one that can never be known ({"unknown": true}) is simply left out.
void compute_outputs(const EvalContext& ctx, const std::vector<Output>& outputs, OutputValues& out, uint64_t& missing) {
    out.known = 0;
    for (size_t k = 0; k < outputs.size(); ++k) {
        const Output& o = outputs[k];
        if (o.is_condition) {
            const Tri t = evaluate_condition(ctx, o.expr, missing);
            if (t == Tri::unknown) continue;
            out.values[k] = t == Tri::yes ? 1 : 0;
        } else if (!evaluate_expression(ctx, o.expr, out.values[k], missing)) {
            continue;
        }
        // A date that cannot be written as YYYY-MM-DD (past 9999-12-31) is left out, never clamped.
        if (o.type.kind == ValueKind::date && !day_arithmetic::printable(out.values[k])) continue;
        out.known |= 1u << k;
    }
}

class Evaluation {
public:
    Evaluation(const Service& service, const Profile& profile, Decision& d) : s_(service), profile_(profile), d_(d) {
        ctx_.store = &service.store;
        ctx_.facts = profile.values.data();
        ctx_.known = profile.known;
        ctx_.as_of = profile.as_of;
    }

    void run() {
        if (!constraints()) return;
        verdict();
        fees();
        items(s_.documents, s_.document_groups, s_.document_index, d_.documents);
        checks();
        deadlines();
        items(s_.notices, s_.notice_groups, s_.notice_index, d_.notices);
        d_.missing = missing_;
        d_.status = missing_ == 0 ? Status::decided : Status::needs_input;
    }

private:
    bool constraints() {
        // Violations are reported in document order: by where the fact they name appeared, then
        // in the rules' order. Each is one number, position then index, so a plain sort of numbers
        // (the one the loader already has) orders them. A position is under the profile's size.
        static_assert(limits::kProfileBytes < (std::size_t{1} << 31), "a position fits in 31 bits");
        std::vector<int64_t> violated;
        for (size_t i = 0; i < s_.constraints.size(); ++i) {
            const Constraint& c = s_.constraints[i];
            if (!c.window.contains(ctx_.as_of)) continue;
            uint64_t ignored = 0;
            if (evaluate_condition(ctx_, c.when, ignored) == Tri::yes) {
                const int64_t position = c.fact >= 0 ? profile_.position[static_cast<size_t>(c.fact)] : 0;
                violated.push_back(position << 32 | static_cast<int64_t>(i));
            }
        }
        if (violated.empty()) return true;
        std::sort(violated.begin(), violated.end());
        for (const int64_t key : violated) d_.violated.push_back(static_cast<uint32_t>(key & 0xFFFFFFFF));
        d_.status = Status::error;
        return false;
    }

    void verdict() {
        uint64_t missing = 0;
        int chosen = -1;
        // The first verdict that is not ruled out settles it: chosen if it applies, or still unknown.
        uint32_t i = 0;
        for (Candidates c(s_.verdict_index, ctx_); c.next(i);) {
            const Tri t = applies(ctx_, s_.verdicts[i], missing);
            if (t == Tri::yes) chosen = static_cast<int>(i);
            if (t != Tri::no) break;
        }
        if (chosen < 0) {
            ctx_.verdict_missing = missing;
            missing_ |= missing;
            return;
        }
        const VerdictRecord& v = s_.verdicts[static_cast<size_t>(chosen)];
        // Channels: each group settles to offered, not offered, or unknown.
        bool settled = true;
        uint32_t offered = 0, unknown = 0;
        uint64_t channel_missing = 0;
        d_.channels.clear();
        for (size_t g = 0; g < v.channel_groups.size(); ++g) {
            bool uncertain = false;
            const int rec = resolve(ctx_, v.channels, v.channel_groups[g], channel_missing, uncertain);
            const uint32_t channel = v.group_channels[g];
            if (rec >= 0) {
                offered |= 1u << channel;
                d_.channels.push_back({channel, static_cast<uint32_t>(rec)});
            } else if (uncertain) {
                unknown |= 1u << channel;
                settled = false;
            }
        }
        uint64_t output_missing = 0;
        compute_outputs(ctx_, v.outputs, d_.verdict_outputs, output_missing);
        if (output_missing != 0) settled = false;

        ctx_.channels_offered = offered;
        ctx_.channels_unknown = unknown;
        ctx_.channels_missing = channel_missing;
        missing_ |= channel_missing | output_missing;
        if (!settled) {
            // The verdict's code is known but not yet all of it: items that depend on it wait.
            ctx_.verdict_missing = channel_missing | output_missing;
            return;
        }
        ctx_.verdict_known = true;
        ctx_.verdict = static_cast<uint32_t>(chosen);
        ctx_.verdict_outputs = d_.verdict_outputs.values.data();
        ctx_.verdict_outputs_known = d_.verdict_outputs.known;
        d_.verdict_known = true;
        d_.verdict = static_cast<uint32_t>(chosen);
    }

    void fees() {
        const size_t groups = s_.fee_groups.size();
        d_.fee_states.assign(groups, FeeState::not_applicable);
        // Read only for a group whose state is unknown, which sets it: not cleared for each decision.
        d_.fee_missing.resize(groups);
        bool all_certain = true;
        uint32_t g = 0;
        for (Candidates c(s_.fee_index, ctx_); c.next(g);) fee(g, all_certain);
        ctx_.fee_states = d_.fee_states.data();
        ctx_.fee_missing = d_.fee_missing.data();
        if (all_certain && d_.verdict_known) totals();
    }

    // Fee group g: not applicable, payable, waived or still unknown.
    void fee(uint32_t g, bool& all_certain) {
        const auto unknown = [&](uint64_t m) {
            d_.fee_states[g] = FeeState::unknown;
            d_.fee_missing[g] = m;
            missing_ |= m;
            all_certain = false;
        };
        uint64_t m = 0;
        bool uncertain = false;
        const int rec = resolve(ctx_, s_.fees, s_.fee_groups[g], m, uncertain);
        if (rec < 0) {
            if (uncertain) unknown(m);
            return;
        }
        const FeeRecord& fee = s_.fees[static_cast<size_t>(rec)];
        FeeResult result;
        result.record = static_cast<uint32_t>(rec);
        // Waived if any waiver applies (the first in order is reported); unknown only if none
        // applies and one is still unknown.
        bool waiver_unknown = false;
        uint64_t waiver_missing = 0;
        for (const uint32_t w : fee.waivers) {
            uint64_t wm = 0;
            const Tri t = applies(ctx_, s_.waivers[w], wm);
            if (t == Tri::yes) {
                result.waived = true;
                result.waiver = w;
                break;
            }
            if (t == Tri::unknown && !waiver_unknown) {
                waiver_unknown = true;
                waiver_missing = wm;
            }
        }
        if (!result.waived && waiver_unknown) {
            unknown(waiver_missing);
            return;
        }
        compute_outputs(ctx_, fee.outputs, result.outputs, missing_);
        const bool costs = !fee.amount_known || fee.amount.amount_minor > 0;
        d_.fee_states[g] = result.waived || !costs ? FeeState::waived : FeeState::payable;
        d_.fees.push_back(result);
    }

    // Sums per channel (when the verdict offers channels) and currency, in order of first
    // appearance; a fee of unknown amount marks its channel's total incomplete.
    void totals() {
        const bool by_channel = !d_.channels.empty();
        const size_t passes = by_channel ? d_.channels.size() : 1;
        for (size_t p = 0; p < passes; ++p) {
            const int channel = by_channel ? static_cast<int>(d_.channels[p].channel) : -1;
            const size_t first_total = d_.totals.size();
            bool incomplete = false;
            for (const FeeResult& r : d_.fees) {
                const FeeRecord& fee = s_.fees[r.record];
                if (by_channel && fee.channel >= 0 && fee.channel != channel) continue;
                if (!fee.amount_known) {
                    incomplete = incomplete || !r.waived;
                    continue;
                }
                const int64_t amount = r.waived ? 0 : fee.amount.amount_minor;
                bool added = false;
                for (size_t t = first_total; t < d_.totals.size(); ++t) {
                    Total& total = d_.totals[t];
                    if (total.money.currency == fee.amount.currency) {
                        Money m{amount, fee.amount.currency};
                        if (!add_money(total.money, m)) total.amount_known = false;  // overflow: say so
                        added = true;
                        break;
                    }
                }
                if (!added) d_.totals.push_back({channel, true, Money{amount, fee.amount.currency}});
            }
            if (incomplete) d_.totals.push_back({channel, false, Money{}});
        }
    }

    // The record that applies of each group that may (record_index.hpp), in the groups' order;
    // calls each(record) for it.
    template <class R, class Each>
    void resolve_groups(const std::vector<R>& records, const Groups& groups, const RecordIndex& index, Each&& each) {
        uint32_t g = 0;
        for (Candidates c(index, ctx_); c.next(g);) {
            bool uncertain = false;
            const int rec = resolve(ctx_, records, groups[g], missing_, uncertain);
            if (rec >= 0) each(records[static_cast<size_t>(rec)], static_cast<uint32_t>(rec));
        }
    }

    void items(const std::vector<Record>& records, const Groups& groups, const RecordIndex& index,
               std::vector<ItemResult>& out) {
        resolve_groups(records, groups, index, [&](const Record& r, uint32_t rec) {
            ItemResult item;
            item.record = rec;
            compute_outputs(ctx_, r.outputs, item.outputs, missing_);
            out.push_back(item);
        });
    }

    void checks() {
        resolve_groups(s_.checks, s_.check_groups, s_.check_index, [&](const CheckRecord& check, uint32_t rec) {
            ItemResult item;
            item.record = rec;
            item.result = evaluate_condition(ctx_, check.test, missing_);
            compute_outputs(ctx_, check.outputs, item.outputs, missing_);
            d_.checks.push_back(item);
        });
    }

    void deadlines() {
        resolve_groups(s_.deadlines, s_.deadline_groups, s_.deadline_index, [&](const DeadlineRecord& dl, uint32_t rec) {
            ItemResult item;
            item.record = rec;
            if (dl.has_from || dl.has_before) {
                int64_t base = 0;
                if (evaluate_expression(ctx_, dl.base_expr, base, missing_)) {
                    const int64_t n = dl.has_before ? -dl.within : dl.within;
                    int64_t due = base;
                    switch (dl.unit) {
                        case WithinUnit::days: due = day_arithmetic::add_days(base, n); break;
                        case WithinUnit::working_days: due = day_arithmetic::add_working_days(base, n); break;
                        case WithinUnit::months: due = day_arithmetic::add_months(base, n); break;
                        case WithinUnit::hours: break;  // rejected by the loader
                    }
                    // A due date past 9999-12-31 cannot be written: it is left out, never clamped.
                    item.has_due = dl.unit != WithinUnit::hours && day_arithmetic::printable(due);
                    if (item.has_due) item.due = CivilDate::from_days(static_cast<int32_t>(due));
                }
            }
            compute_outputs(ctx_, dl.outputs, item.outputs, missing_);
            d_.deadlines.push_back(item);
        });
    }

    const Service& s_;
    const Profile& profile_;
    Decision& d_;
    EvalContext ctx_;
    uint64_t missing_ = 0;
};

void reset(Decision& d) {
    d.status = Status::needs_input;
    d.verdict_known = false;
    d.verdict = 0;
    d.verdict_outputs = OutputValues{};
    d.channels.clear();
    d.missing = 0;
    d.fees.clear();
    d.totals.clear();
    d.documents.clear();
    d.checks.clear();
    d.deadlines.clear();
    d.notices.clear();
    d.errors.clear();
    d.violated.clear();
}

}  // namespace

void evaluate(const RuleSet&, const Profile& profile, Decision& out) {
    reset(out);
    out.service = profile.service;
    out.as_of = profile.as_of;
    if (!profile.service) {
        out.status = Status::error;
        return;
    }
    Evaluation(*profile.service, profile, out).run();
}

}  // namespace eligibility
