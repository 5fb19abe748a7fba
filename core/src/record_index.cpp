// Builds the indexes of record_index.hpp: which fact gates most entries of a sequence, and for
// each of its values, the entries a gate admits.
#include "eligibility/record_index.hpp"

#include <algorithm>

#include "eligibility/ruleset.hpp"

namespace eligibility {
namespace {

// The facts (a set of slots) condition `cond` is gated on (record_index.hpp): a gate on f is
// "f equals a constant", "f is in a set", an {"any"} whose every part is a gate on f, or an
// {"all"} with a gate on f among its parts (false if that part is). With `values`, also appends
// the values the gate on `fact` admits; a call appends exactly when `fact` is in what it returns.
uint64_t gates(const ConditionStore& store, uint32_t cond, uint16_t fact, std::vector<int64_t>* values) {
    const Cond& c = store.conds[cond];
    const auto slot = [&](const Expr& e) { return e.op == ExprOp::fact && e.a < 64 ? uint64_t{1} << e.a : 0; };
    switch (c.op) {
        case CondOp::compare: {
            if (c.cmp != CmpOp::eq) return 0;
            const bool constant_right = store.exprs[c.b].op == ExprOp::constant;
            const Expr& f = store.exprs[constant_right ? c.a : c.b];
            const Expr& k = store.exprs[constant_right ? c.b : c.a];
            if (k.op != ExprOp::constant || !slot(f)) return 0;
            if (values && f.a == fact) values->push_back(k.value);
            return slot(f);
        }
        case CondOp::in_set: {
            const Expr& f = store.exprs[c.a];
            if (values && slot(f) && f.a == fact) {
                values->insert(values->end(), store.set_values.begin() + c.first, store.set_values.begin() + c.first + c.count);
            }
            return slot(f);
        }
        case CondOp::any: {
            uint64_t common = c.count == 0 ? 0 : ~uint64_t{0};
            for (uint32_t i = 0; i < c.count; ++i) common &= gates(store, store.children[c.first + i], fact, nullptr);
            if (values && (common >> fact & 1)) {
                for (uint32_t i = 0; i < c.count; ++i) gates(store, store.children[c.first + i], fact, values);
            }
            return common;
        }
        case CondOp::all: {
            // The values of the first part gated on `fact`: any one gate is enough.
            uint64_t any_part = 0;
            for (uint32_t i = 0; i < c.count; ++i) {
                const bool found = values && (any_part >> fact & 1);
                any_part |= gates(store, store.children[c.first + i], fact, found ? nullptr : values);
            }
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
        for (uint32_t i = seq.first[e]; i < seq.first[e + 1]; ++i) facts &= gates(store, seq.whens[i], kNoFact, nullptr);
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
        for (uint32_t i = seq.first[e]; i < seq.first[e + 1]; ++i) gates(store, seq.whens[i], index.fact, &values);
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
