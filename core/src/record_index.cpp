// Builds the indexes of record_index.hpp: which fact gates most entries of a sequence, and for
// each of its values, the entries a gate admits.
#include "eligibility/record_index.hpp"

#include <algorithm>

#include "eligibility/ruleset.hpp"

namespace eligibility {
namespace {

bool is_fact(const ConditionStore& store, uint32_t expr, uint16_t fact) {
    const Expr& e = store.exprs[expr];
    return e.op == ExprOp::fact && e.a == fact;
}

// Appends the values of `fact` for which condition `cond` can be true, if it is a gate on `fact`
// (record_index.hpp) or an {"all"} with one; returns false, adding nothing, if it is neither.
bool gate_values(const ConditionStore& store, uint32_t cond, uint16_t fact, std::vector<int64_t>& values) {
    const Cond& c = store.conds[cond];
    const size_t mark = values.size();
    switch (c.op) {
        case CondOp::constant_false:
            return true;  // admits no value
        case CondOp::compare: {
            if (c.cmp != CmpOp::eq) return false;
            const bool left = is_fact(store, c.a, fact) && store.exprs[c.b].op == ExprOp::constant;
            const bool right = is_fact(store, c.b, fact) && store.exprs[c.a].op == ExprOp::constant;
            if (!left && !right) return false;
            values.push_back(store.exprs[left ? c.b : c.a].value);
            return true;
        }
        case CondOp::in_set:
            if (!is_fact(store, c.a, fact)) return false;
            values.insert(values.end(), store.set_values.begin() + c.first, store.set_values.begin() + c.first + c.count);
            return true;
        case CondOp::any:
            // True only if one of them is: every part must be a gate on the same fact.
            for (uint32_t i = 0; i < c.count; ++i) {
                if (!gate_values(store, store.children[c.first + i], fact, values)) {
                    values.resize(mark);
                    return false;
                }
            }
            return true;
        case CondOp::all:
            // False if any part is: one gate among the parts is enough.
            for (uint32_t i = 0; i < c.count; ++i) {
                if (gate_values(store, store.children[c.first + i], fact, values)) return true;
            }
            return false;
        default:
            return false;
    }
}

// The facts (as a set of slots) that condition `cond` is gated on.
uint64_t gate_facts(const ConditionStore& store, uint32_t cond) {
    const Cond& c = store.conds[cond];
    const auto fact_of = [&](uint32_t expr) {
        const Expr& e = store.exprs[expr];
        return e.op == ExprOp::fact && e.a < 64 ? uint64_t{1} << e.a : 0;
    };
    switch (c.op) {
        case CondOp::compare:
            if (c.cmp != CmpOp::eq) return 0;
            if (store.exprs[c.b].op == ExprOp::constant) return fact_of(c.a);
            if (store.exprs[c.a].op == ExprOp::constant) return fact_of(c.b);
            return 0;
        case CondOp::in_set:
            return fact_of(c.a);
        case CondOp::any: {
            uint64_t common = c.count == 0 ? 0 : ~uint64_t{0};
            for (uint32_t i = 0; i < c.count; ++i) common &= gate_facts(store, store.children[c.first + i]);
            return common;
        }
        case CondOp::all: {
            uint64_t any_part = 0;
            for (uint32_t i = 0; i < c.count; ++i) any_part |= gate_facts(store, store.children[c.first + i]);
            return any_part;
        }
        default:
            return 0;
    }
}

// A sequence to index: entry e is the records whose conditions are whens[first[e] .. first[e + 1]).
struct Sequence {
    std::vector<uint32_t> whens;
    std::vector<uint32_t> first{0};
};

// The records' conditions, whatever the type of record.
template <class R>
std::vector<uint32_t> whens_of(const std::vector<R>& records) {
    std::vector<uint32_t> whens;
    for (const R& r : records) whens.push_back(r.when);
    return whens;
}

// The groups of the records with these conditions, or with no groups, each record an entry of
// its own (the verdicts).
Sequence sequence(const std::vector<uint32_t>& whens, const Groups* groups) {
    Sequence seq;
    for (size_t e = 0; e < (groups ? groups->size() : whens.size()); ++e) {
        if (!groups) seq.whens.push_back(whens[e]);
        else for (uint32_t r : (*groups)[e]) seq.whens.push_back(whens[r]);
        seq.first.push_back(static_cast<uint32_t>(seq.whens.size()));
    }
    return seq;
}

RecordIndex build(const ConditionStore& store, const Sequence& seq, std::size_t max_values) {
    RecordIndex index;
    const auto entries = static_cast<uint32_t>(seq.first.size() - 1);
    index.entries = entries;
    // An entry is gated on a fact only if every one of its variants is.
    std::vector<uint64_t> gated_on(entries, 0);
    for (uint32_t e = 0; e < entries; ++e) {
        uint64_t facts = seq.first[e] == seq.first[e + 1] ? 0 : ~uint64_t{0};
        for (uint32_t i = seq.first[e]; i < seq.first[e + 1]; ++i) facts &= gate_facts(store, seq.whens[i]);
        gated_on[e] = facts;
    }
    // The fact that gates the most entries (the lowest slot on a tie).
    uint32_t best_count = 0;
    for (uint16_t f = 0; f < 64; ++f) {
        uint32_t count = 0;
        for (uint64_t g : gated_on) count += static_cast<uint32_t>(g >> f & 1);
        if (count > best_count) {
            best_count = count;
            index.fact = f;
        }
    }
    if (index.fact == kNoFact) return index;

    // Each gated entry's values, each once: admits[ends[j-1] .. ends[j]) for the j-th.
    std::vector<int64_t> admits, values;
    std::vector<uint32_t> gated_entries, ends;
    for (uint32_t e = 0; e < entries; ++e) {
        if (!(gated_on[e] >> index.fact & 1)) {
            index.open.push_back(e);
            continue;
        }
        values.clear();
        for (uint32_t i = seq.first[e]; i < seq.first[e + 1]; ++i) gate_values(store, seq.whens[i], index.fact, values);
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end()), values.end());
        admits.insert(admits.end(), values.begin(), values.end());
        if (admits.size() > max_values) {  // too large to be worth it: not indexed
            RecordIndex unindexed;
            unindexed.entries = entries;
            return unindexed;
        }
        gated_entries.push_back(e);
        ends.push_back(static_cast<uint32_t>(admits.size()));
    }
    index.keys = admits;
    std::sort(index.keys.begin(), index.keys.end());
    index.keys.erase(std::unique(index.keys.begin(), index.keys.end()), index.keys.end());
    // Each value's key, then how many entries each key admits, then the entries, visited in order
    // so that each key's entries ascend.
    std::vector<uint32_t> key_of(admits.size());
    index.starts.assign(index.keys.size() + 1, 0);
    for (size_t i = 0; i < admits.size(); ++i) {
        key_of[i] = static_cast<uint32_t>(std::lower_bound(index.keys.begin(), index.keys.end(), admits[i]) - index.keys.begin());
        ++index.starts[key_of[i] + 1];
    }
    for (size_t k = 0; k < index.keys.size(); ++k) index.starts[k + 1] += index.starts[k];
    std::vector<uint32_t> next(index.starts.begin(), index.starts.end() - 1);
    index.gated.resize(admits.size());
    for (size_t j = 0, i = 0; j < gated_entries.size(); ++j) {
        for (; i < ends[j]; ++i) index.gated[next[key_of[i]]++] = gated_entries[j];
    }
    return index;
}

}  // namespace

Candidates::Candidates(const RecordIndex& index, const EvalContext& ctx) {
    if (index.fact == kNoFact || !(ctx.known >> index.fact & 1)) {
        every_ = index.entries;
        return;
    }
    open_ = index.open.data();
    open_end_ = open_ + index.open.size();
    const int64_t value = ctx.facts[index.fact];
    const auto key = std::lower_bound(index.keys.begin(), index.keys.end(), value);
    if (key != index.keys.end() && *key == value) {
        const auto k = static_cast<size_t>(key - index.keys.begin());
        gated_ = index.gated.data() + index.starts[k];
        gated_end_ = index.gated.data() + index.starts[k + 1];
    }
}

void index_records(Service& s, std::size_t max_values) {
    const auto index = [&](const std::vector<uint32_t>& whens, const Groups* groups) {
        return build(s.store, sequence(whens, groups), max_values);
    };
    s.verdict_index = index(whens_of(s.verdicts), nullptr);
    s.fee_index = index(whens_of(s.fees), &s.fee_groups);
    s.document_index = index(whens_of(s.documents), &s.document_groups);
    s.check_index = index(whens_of(s.checks), &s.check_groups);
    s.deadline_index = index(whens_of(s.deadlines), &s.deadline_groups);
    s.notice_index = index(whens_of(s.notices), &s.notice_groups);
}

}  // namespace eligibility
