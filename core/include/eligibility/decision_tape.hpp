// A decision as a tape of 32-bit words: its values in the order of its JSON text, with no text to
// write, decode or parse. The JSON text is the tape written out (write_decision,
// decision_writer.hpp); the JavaScript API's engine.evaluate() builds the decision object from
// the tape itself. Strings (keys and values) are numbered once and named by number afterwards;
// each record's static members (ids, citations, titles) by its fragment number, which the reader
// keeps from write_fragments() (decision_writer.hpp). A reader that follows the tape and puts those members back builds
// exactly the object that parsing the JSON text gives, member for member and in the same order:
// tests/wasm/parity.test.mjs compares the two for every decision it makes.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eligibility/civil_date.hpp"
#include "eligibility/decision.hpp"
#include "eligibility/ruleset.hpp"
#include "eligibility/text.hpp"

namespace eligibility {

// Each word holds an operation in its low 4 bits and an argument in the other 28 (a signed
// integer, or a number that is never negative).
enum class TapeOp : uint32_t {
    begin_object = 0,   // then members (a key and its value, or a record's static members) up to end
    end = 1,            // closes the innermost object or array
    begin_array = 2,    // then values up to end
    key = 3,            // argument: a string's number; the member's value follows
    string = 4,         // argument: a string's number
    integer = 5,        // argument: the integer, from -2^27 to 2^27 - 1
    wide_integer = 6,   // any other integer: the next two words hold its low and high 32 bits
    true_value = 7,
    false_value = 8,
    null_value = 9,
    date = 10,          // argument: year << 9 | month << 5 | day ("YYYY-MM-DD")
    head = 11,          // members: fragment n's head ("h": id and channel; a verdict's code and basis)
    provenance = 12,    // members: fragment n's provenance and texts ("t")
    fail_note = 13,     // members: fragment n's fail_note ("f")
    record = 14,        // a value: fragment n's head and provenance, as one object
    trace = 15,         // a value: fragment n's trace entry ("w")
};

inline constexpr int kTapeOpBits = 4;
inline constexpr int32_t kTapeIntegerMin = -(int32_t{1} << 27);
inline constexpr int32_t kTapeIntegerMax = (int32_t{1} << 27) - 1;

// A date's argument, year << 9 | month << 5 | day, and back (wasm/js/decision-tape.mjs reads it
// the same way).
inline int32_t date_argument(CivilDate d) {
    const CivilDate::Parts p = d.parts();
    return p.year << 9 | p.month << 5 | p.day;
}
inline CivilDate date_from_argument(int32_t packed) { return *CivilDate::from_ymd(packed >> 9, packed >> 5 & 15, packed & 31); }

class DecisionTape {
public:
    // Starts the next tape. Strings keep their numbers from tape to tape: a reader keeps the
    // strings it has read, and reads only those numbered since.
    void clear();

    // The tape, or (for a decision that is an error, whose errors name no fragments) JSON text.
    bool is_text() const { return is_text_; }
    const std::vector<int32_t>& words() const { return words_; }
    const std::string& text() const { return text_; }

    // The decision's service, whose fragments (Service::fragment_records) the tape names, and the
    // number of its id.
    const Service* service() const { return service_; }
    uint32_t service_id() const { return service_id_; }

    // Strings are numbered from 0, in the order they were first written.
    uint32_t string_count() const { return static_cast<uint32_t>(spans_.size() / 2); }
    // Every string's bytes lie in one pool: string n at pool()[spans()[2n]], spans()[2n + 1]
    // bytes long. The pool may move when a tape numbers new strings.
    const char* pool() const { return pool_.data(); }
    const std::vector<uint32_t>& spans() const { return spans_; }
    std::string_view string_at(uint32_t n) const {
        return std::string_view(pool_.data() + spans_[2 * n], spans_[2 * n + 1]);
    }

    // Writing (decision_layout.cpp): a word, an integer (one word or three), a string's number.
    void put(TapeOp op, int32_t argument = 0) {
        words_.push_back(static_cast<int32_t>(static_cast<uint32_t>(argument) << kTapeOpBits | static_cast<uint32_t>(op)));
    }
    void put_integer(int64_t v);
    uint32_t number(std::string_view s);

private:
    friend void write_decision_tape(const RuleSet&, const Decision&, std::optional<Lang>, DecisionTape&);

    uint32_t numbered(std::string_view s);
    bool is_string(uint32_t n, std::string_view s) const;
    void grow_index();
    void index_string(uint32_t n);

    // Where each string was last read from, and its number, in a small table by that address.
    static constexpr int kRecentBits = 6;
    struct Recent {
        const char* at = nullptr;
        uint32_t number = 0;
    };

    std::vector<int32_t> words_;
    std::string text_;
    bool is_text_ = false;
    const Service* service_ = nullptr;
    uint32_t service_id_ = 0;
    std::string pool_;
    std::vector<uint32_t> spans_;   // offset and size in pool_, by number
    std::vector<uint32_t> index_;   // open addressing by the string's hash: number + 1, 0 if free
    std::array<Recent, 1 << kRecentBits> recent_{};
};

// The decision (or, for an error, its JSON text) onto `tape`, after tape.clear(). Its layout
// (docs/contract.md: which members, in which order) is decided there, decision_layout.cpp, for
// the JSON text too (write_decision writes the tape out).
void write_decision_tape(const RuleSet& rules, const Decision& d, std::optional<Lang> lang, DecisionTape& tape);

}  // namespace eligibility
