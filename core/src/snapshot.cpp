#include "eligibility/snapshot.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "eligibility/limits.hpp"
#include "eligibility/record_index.hpp"

// A fingerprint of the structures a snapshot holds, computed by core/CMakeLists.txt from the
// files that define them and this one, so that the writer (the native build) and the reader (the
// WebAssembly module) agree on the layout or refuse each other's snapshots.
#ifndef ELIGIBILITY_SNAPSHOT_FINGERPRINT
#error "ELIGIBILITY_SNAPSHOT_FINGERPRINT is set by core/CMakeLists.txt"
#endif

namespace eligibility {
namespace {

// Layout: magic (8 bytes), kind (1 byte), fingerprint (8), payload size (4), checksum of the
// payload (8), then the payload: unsigned integers as LEB128, signed ones zigzagged first,
// strings as their length then their bytes, lists as their length then their items.
enum class Kind : uint8_t { index = 1, service = 2 };
constexpr size_t kHeaderSize = 8 + 1 + 8 + 4 + 8;

void put_fixed(std::string& out, uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

uint64_t get_fixed(std::string_view in, size_t at, int bytes) {
    uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) value |= static_cast<uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    return value;
}

// Each structure's members, in order: the one list the writer and the reader both follow. A
// member added to a structure of ruleset.hpp or condition.hpp must be added here; the
// fingerprint then changes with it, and every snapshot is rebuilt.
template <class A> void fields(A& a, LocalText& t) { a(t.text); a(t.present); }
template <class A> void fields(A& a, Option& o) { a(o.value); a(o.title); }
template <class A> void fields(A& a, ValueType& t) { a(t.kind); a(t.fact); }
template <class A> void fields(A& a, Window& w) { a(w.from); a(w.until); a(w.has_until); }
template <class A> void fields(A& a, Output& o) { a(o.name); a(o.type); a(o.expr); a(o.is_condition); }
template <class A> void fields(A& a, Currency& c) { a(c.code); }
template <class A> void fields(A& a, Money& m) { a(m.amount_minor); a(m.currency); }
template <class A> void fields(A& a, Cond& c) { a(c.op); a(c.cmp); a(c.a); a(c.b); a(c.first); a(c.count); }
template <class A> void fields(A& a, Expr& e) { a(e.op); a(e.a); a(e.b); a(e.first); a(e.value); }
template <class A> void fields(A& a, ConditionStore& s) { a(s.conds); a(s.children); a(s.exprs); a(s.set_values); }
template <class A> void fields(A& a, ListDef& l) { a(l.id); a(l.type); a(l.first); a(l.count); }
template <class A> void fields(A& a, Country& c) { a(c.code); a(c.name); a(c.eu); }
template <class A> void fields(A& a, CatalogueEntry& e) { a(e.id); a(e.title); }

template <class A> void fields(A& a, FactDef& f) {
    a(f.id); a(f.kind); a(f.min); a(f.max); a(f.options); a(f.special); a(f.excluded); a(f.question); a(f.help);
}

template <class A> void fields(A& a, Constraint& c) {
    a(c.id); a(c.when); a(c.window); a(c.path); a(c.fact); a(c.message);
}

// Record::json is not written: Service::ensure_fragments() makes it from the rest on first use.
template <class A> void fields(A& a, Record& r) {
    a(r.id); a(r.variant); a(r.channel); a(r.when); a(r.window); a(r.citation); a(r.confidence);
    a(r.title); a(r.note); a(r.outputs);
}

template <class A> void fields(A& a, VerdictRecord& r) {
    fields(a, static_cast<Record&>(r));
    a(r.code); a(r.channels); a(r.channel_groups); a(r.group_channels);
}

template <class A> void fields(A& a, FeeRecord& r) {
    fields(a, static_cast<Record&>(r));
    a(r.amount_known); a(r.amount); a(r.waivers);
}

template <class A> void fields(A& a, WaiverRecord& r) {
    fields(a, static_cast<Record&>(r));
    a(r.fees);
}

template <class A> void fields(A& a, CheckRecord& r) {
    fields(a, static_cast<Record&>(r));
    a(r.test); a(r.severity); a(r.fail_note);
}

template <class A> void fields(A& a, DeadlineRecord& r) {
    fields(a, static_cast<Record&>(r));
    a(r.unit); a(r.within); a(r.has_from); a(r.has_before); a(r.base_expr);
}

template <class A> void fields(A& a, Service& s) {
    a(s.id); a(s.languages); a(s.title); a(s.citation); a(s.facts); a(s.lists); a(s.channel_ids);
    a(s.constraints); a(s.verdicts); a(s.fees); a(s.waivers); a(s.documents); a(s.checks);
    a(s.deadlines); a(s.notices);
    a(s.fee_groups); a(s.document_groups); a(s.check_groups); a(s.deadline_groups); a(s.notice_groups);
    a(s.store);
}

// The index: a RuleSet without its services.
template <class A> void index_fields(A& a, RuleSet& r) {
    a(r.format); a(r.version); a(r.countries_citation); a(r.countries); a(r.eu_countries);
    a(r.currencies); a(r.catalogue);
}

class Writer {
public:
    explicit Writer(std::string& out) : out_(out) {}

    template <class T>
    void operator()(const T& value) { write(value); }

private:
    void varint(uint64_t v) {
        while (v >= 0x80) {
            out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
            v >>= 7;
        }
        out_.push_back(static_cast<char>(v));
    }

    template <class T>
    void write(const T& value) {
        if constexpr (std::is_enum_v<T>) {
            varint(static_cast<uint64_t>(static_cast<std::underlying_type_t<T>>(value)));
        } else if constexpr (std::is_same_v<T, bool>) {
            out_.push_back(value ? 1 : 0);
        } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
            const auto v = static_cast<int64_t>(value);
            varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
        } else if constexpr (std::is_integral_v<T>) {
            varint(static_cast<uint64_t>(value));
        } else {
            fields(*this, const_cast<T&>(value));  // fields() only reads through a Writer
        }
    }

    void write(const std::string& s) {
        varint(s.size());
        out_.append(s);
    }

    template <size_t N>
    void write(const std::array<char, N>& chars) { out_.append(chars.data(), N); }

    template <class T, size_t N>
    void write(const std::array<T, N>& items) {
        for (const T& item : items) write(item);
    }

    template <class T>
    void write(const std::vector<T>& items) {
        varint(items.size());
        for (const T& item : items) write(item);
    }

    std::string& out_;
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}

    template <class T>
    void operator()(T& value) { read(value); }

    bool ok() const { return ok_; }
    bool at_end() const { return at_ == in_.size(); }

private:
    bool fail() {
        ok_ = false;
        at_ = in_.size();
        return false;
    }

    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at_ >= in_.size()) return fail(), 0;
            const auto byte = static_cast<unsigned char>(in_[at_++]);
            v |= static_cast<uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return v;
        }
        return fail(), 0;
    }

    // A length that the remaining bytes can hold (each item takes at least one byte), so a
    // damaged length never asks for more memory than the snapshot's own size.
    size_t length() {
        const uint64_t n = varint();
        if (n > in_.size() - at_) return fail(), 0;
        return static_cast<size_t>(n);
    }

    template <class T>
    void read(T& value) {
        if constexpr (std::is_enum_v<T>) {
            value = static_cast<T>(static_cast<std::underlying_type_t<T>>(varint()));
        } else if constexpr (std::is_same_v<T, bool>) {
            value = varint() != 0;
        } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
            const uint64_t u = varint();
            value = static_cast<T>(static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1));
        } else if constexpr (std::is_integral_v<T>) {
            value = static_cast<T>(varint());
        } else {
            fields(*this, value);
        }
    }

    void read(std::string& s) {
        const size_t n = length();
        s.assign(in_.data() + at_, n);
        at_ += n;
    }

    template <size_t N>
    void read(std::array<char, N>& chars) {
        if (in_.size() - at_ < N) {
            fail();
            return;
        }
        for (size_t i = 0; i < N; ++i) chars[i] = in_[at_++];
    }

    template <class T, size_t N>
    void read(std::array<T, N>& items) {
        for (T& item : items) read(item);
    }

    template <class T>
    void read(std::vector<T>& items) {
        items.resize(length());
        for (T& item : items) {
            if (!ok_) break;
            read(item);
        }
    }

    std::string_view in_;
    size_t at_ = 0;
    bool ok_ = true;
};

// A service read from a snapshot refers only to what it holds: every index in range, every enum
// one of its values, conditions and expressions pointing only at earlier nodes (as the compiler
// writes them: children first), within the engine's limits. The checksum already catches a
// damaged file; this keeps even a well-sealed but wrong one from making the engine read out of
// bounds or loop (fuzz/fuzz_snapshot.cpp).
class Structure {
public:
    explicit Structure(const Service& s) : s_(s) {}

    bool ok() const {
        const ConditionStore& st = s_.store;
        if (s_.facts.size() > limits::kFactsPerService || s_.channel_ids.size() > limits::kChannelsPerService) return false;
        for (const FactDef& f : s_.facts) {
            if (f.kind > ValueKind::country) return false;
        }
        for (size_t i = 0; i < st.conds.size(); ++i) {
            if (!cond(st.conds[i], i)) return false;
        }
        for (size_t i = 0; i < st.exprs.size(); ++i) {
            if (!expr(st.exprs[i], i)) return false;
        }
        for (const ListDef& l : s_.lists) {
            if (!type(l.type) || !slice(l.first, l.count)) return false;
        }
        for (const Constraint& c : s_.constraints) {
            if (c.when >= st.conds.size() || c.fact < -1 || c.fact >= static_cast<int>(s_.facts.size())) return false;
        }
        for (const VerdictRecord& v : s_.verdicts) {
            if (!record(v) || !groups(v.channel_groups, v.channels.size())) return false;
            if (v.group_channels.size() != v.channel_groups.size()) return false;
            for (uint32_t c : v.group_channels) {
                if (c >= s_.channel_ids.size()) return false;
            }
            for (const Record& c : v.channels) {
                if (!record(c)) return false;
            }
        }
        for (const FeeRecord& f : s_.fees) {
            if (!record(f)) return false;
            for (uint32_t w : f.waivers) {
                if (w >= s_.waivers.size()) return false;
            }
        }
        for (const WaiverRecord& w : s_.waivers) {
            if (!record(w)) return false;
        }
        for (const CheckRecord& c : s_.checks) {
            if (!record(c) || c.test >= st.conds.size() || c.severity > Severity::warning) return false;
        }
        for (const DeadlineRecord& d : s_.deadlines) {
            if (!record(d) || d.unit > WithinUnit::months || d.base_expr >= st.exprs.size()) return false;
        }
        for (const auto* section : {&s_.documents, &s_.notices}) {
            for (const Record& r : *section) {
                if (!record(r)) return false;
            }
        }
        return groups(s_.fee_groups, s_.fees.size()) && groups(s_.document_groups, s_.documents.size()) &&
               groups(s_.check_groups, s_.checks.size()) && groups(s_.deadline_groups, s_.deadlines.size()) &&
               groups(s_.notice_groups, s_.notices.size());
    }

private:
    bool slice(uint64_t first, uint64_t count) const { return first + count <= s_.store.set_values.size(); }
    bool fact(uint64_t slot) const { return slot < s_.facts.size(); }
    bool type(ValueType t) const { return t.kind <= ValueKind::country && (t.fact == kNoFact || fact(t.fact)); }

    bool cond(const Cond& c, size_t at) const {
        const ConditionStore& st = s_.store;
        if (c.cmp > CmpOp::ge) return false;
        switch (c.op) {
            case CondOp::constant_true: case CondOp::constant_false: case CondOp::unknowable: return true;
            case CondOp::all: case CondOp::any:
                if (static_cast<uint64_t>(c.first) + c.count > st.children.size()) return false;
                for (uint32_t i = 0; i < c.count; ++i) {
                    if (st.children[c.first + i] >= at) return false;
                }
                return true;
            case CondOp::negate: return c.a < at;
            case CondOp::compare: return c.a < st.exprs.size() && c.b < st.exprs.size();
            case CondOp::in_set: return c.a < st.exprs.size() && slice(c.first, c.count);
            case CondOp::bool_fact: return fact(c.a);
            case CondOp::verdict_in: return slice(c.first, c.count);
            case CondOp::payable:  // fee group numbers, read as indexes
                if (!slice(c.first, c.count)) return false;
                for (uint32_t i = 0; i < c.count; ++i) {
                    const int64_t group = st.set_values[c.first + i];
                    if (group < 0 || static_cast<uint64_t>(group) >= s_.fee_groups.size()) return false;
                }
                return true;
            case CondOp::channel: return c.a < s_.channel_ids.size();
        }
        return false;
    }

    bool expr(const Expr& e, size_t at) const {
        switch (e.op) {
            case ExprOp::constant: case ExprOp::as_of: return true;
            case ExprOp::fact: return fact(e.a);
            case ExprOp::add_days: case ExprOp::add_months: case ExprOp::add_working_days:
            case ExprOp::days_between: case ExprOp::years_between: return e.a < at && e.b < at;
            case ExprOp::verdict_output:
                if (!slice(e.first, s_.verdicts.size())) return false;
                for (size_t v = 0; v < s_.verdicts.size(); ++v) {
                    const int64_t output = s_.store.set_values[e.first + v];
                    if (output < -1 || output >= static_cast<int64_t>(limits::kOutputsPerRecord)) return false;
                }
                return true;
        }
        return false;
    }

    bool record(const Record& r) const {
        const ConditionStore& st = s_.store;
        if (r.when >= st.conds.size() || r.confidence > Confidence::conflicting) return false;
        if (r.channel < -1 || r.channel >= static_cast<int>(s_.channel_ids.size())) return false;
        if (r.window.from < CivilDate::kMinDays || r.window.until > CivilDate::kMaxDays || r.window.from > r.window.until) return false;
        if (r.outputs.size() > limits::kOutputsPerRecord) return false;
        for (const Output& o : r.outputs) {
            if (!type(o.type) || o.expr >= (o.is_condition ? st.conds.size() : st.exprs.size())) return false;
        }
        return true;
    }

    static bool groups(const Groups& gs, size_t size) {
        for (const auto& g : gs) {
            for (uint32_t i : g) {
                if (i >= size) return false;
            }
        }
        return true;
    }

    const Service& s_;
};

std::string sealed(Kind kind, const std::string& payload) {
    std::string out(kSnapshotMagic);
    out.push_back(static_cast<char>(kind));
    put_fixed(out, ELIGIBILITY_SNAPSHOT_FINGERPRINT, 8);
    put_fixed(out, payload.size(), 4);
    put_fixed(out, snapshot_checksum(payload), 8);
    return out + payload;
}

LoadResult refused(std::string message) {
    LoadResult result;
    result.errors.push_back({"", ErrorCode::invalid_rules, std::move(message)});
    return result;
}

// The payload of a snapshot of `kind`, or why it cannot be read.
std::optional<std::string_view> payload(std::string_view bytes, Kind kind, std::string& why) {
    if (!is_snapshot(bytes) || bytes.size() < kHeaderSize) {
        why = "not a compiled rule pack";
        return std::nullopt;
    }
    if (static_cast<Kind>(bytes[8]) != kind) {
        why = kind == Kind::index ? "a compiled pack of one service, not of the rules index"
                                  : "a compiled pack of the rules index, not of one service";
        return std::nullopt;
    }
    if (get_fixed(bytes, 9, 8) != ELIGIBILITY_SNAPSHOT_FINGERPRINT) {
        why = "a compiled rule pack of another build of the engine: use the packs built with this module";
        return std::nullopt;
    }
    const std::string_view body = bytes.substr(kHeaderSize);
    if (get_fixed(bytes, 17, 4) != body.size() || get_fixed(bytes, 21, 8) != snapshot_checksum(body)) {
        why = "a compiled rule pack that is damaged (its size or checksum does not match)";
        return std::nullopt;
    }
    return body;
}

}  // namespace

// FNV-1a's step over 8-byte little-endian words, then over the last bytes one by one: a pack is
// checked each time it is read, and a word at a time is several times faster than a byte at a
// time in a browser that has not yet optimised this loop. Each step is a bijection of the hash
// (xor, then a multiplication by an odd number), so any one changed word always changes it.
uint64_t snapshot_checksum(std::string_view bytes) {
    constexpr uint64_t kPrime = 0x100000001b3ULL;
    uint64_t h = 0xcbf29ce484222325ULL;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        uint64_t word = 0;
        for (int k = 7; k >= 0; --k) word = word << 8 | p[i + static_cast<size_t>(k)];
        h = (h ^ word) * kPrime;
    }
    for (; i < bytes.size(); ++i) h = (h ^ p[i]) * kPrime;
    return h;
}

bool is_snapshot(std::string_view bytes) { return bytes.substr(0, kSnapshotMagic.size()) == kSnapshotMagic; }

std::string write_index_snapshot(const RuleSet& rules) {
    std::string payload;
    Writer w(payload);
    index_fields(w, const_cast<RuleSet&>(rules));  // only read: see Writer::write
    return sealed(Kind::index, payload);
}

LoadResult read_index_snapshot(std::string_view bytes) {
    std::string why;
    const auto body = payload(bytes, Kind::index, why);
    if (!body) return refused(why);
    auto rules = std::make_shared<RuleSet>();
    Reader r(*body);
    index_fields(r, *rules);
    if (!r.ok() || !r.at_end()) return refused("a compiled pack of the rules index that does not read to its end");
    LoadResult result;
    result.rules = std::move(rules);
    return result;
}

namespace {

// A service pack's payload: the rules version, then the services (one, or every one of a bundle).
std::string services_snapshot(const RuleSet& rules, const std::vector<const Service*>& services) {
    std::string payload;
    Writer w(payload);
    w(rules.version);
    w(static_cast<uint64_t>(services.size()));
    for (const Service* s : services) w(*s);
    return sealed(Kind::service, payload);
}

}  // namespace

std::string write_service_snapshot(const RuleSet& rules, const Service& service) {
    return services_snapshot(rules, {&service});
}

std::string write_services_snapshot(const RuleSet& rules) {
    std::vector<const Service*> all;
    for (const auto& s : rules.services) all.push_back(s.get());
    return services_snapshot(rules, all);
}

LoadResult add_service_snapshot(const RuleSet& base, std::string_view bytes) {
    std::string why;
    const auto body = payload(bytes, Kind::service, why);
    if (!body) return refused(why);
    Reader r(*body);
    std::string version;
    r(version);
    uint64_t count = 0;
    r(count);
    if (count > limits::kServices) return refused("a compiled rule pack of more services than rules may hold");
    std::vector<std::shared_ptr<Service>> added;
    for (uint64_t i = 0; i < count && r.ok(); ++i) {
        added.push_back(std::make_shared<Service>());
        r(*added.back());
    }
    if (!r.ok() || !r.at_end() || added.empty()) return refused("a compiled rule pack that does not read to its end");
    if (version != base.version) {
        return refused("a compiled rule pack of rules version \"" + version + "\", not of these rules (\"" + base.version + "\")");
    }
    for (size_t i = 0; i < added.size(); ++i) {
        const Service& s = *added[i];
        if (!base.find_catalogued(s.id)) return refused("a compiled rule pack of a service these rules do not list");
        for (size_t j = 0; j < i; ++j) {
            if (added[j]->id == s.id) return refused("a compiled rule pack that holds a service twice");
        }
        if (!Structure(s).ok()) return refused("a compiled rule pack whose records refer to what it does not hold");
        index_records(*added[i]);
    }
    auto rules = std::make_shared<RuleSet>(base);  // its services shared, not copied
    for (auto& s : added) rules->put_service(std::move(s));
    LoadResult result;
    result.rules = std::move(rules);
    return result;
}

}  // namespace eligibility
