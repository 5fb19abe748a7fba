// rules_case_runner SOURCE_DIR CASES_DIR
//
// Runs the catalogue of broken rules files (tests/cases/errors/rules/*.json): each must be refused
// with the expected invalid_rules errors, paths into the document, and no rule set. A case:
//   { "description",
//     "document": "visa" (data/services/visa.json) | "bundle" (the assembled default bundle),
//     "patch": [ RFC 6902 operations applied to that document ],
//     or "rules_text" / "rules_base64" (bytes that are not UTF-8) instead of document + patch,
//     "expect": { "status": "error", "errors": [ { "path", "code" } ] } }
// A service document is loaded inside the default bundle (as `--rules` and createEngine do).
// The same files are run through WebAssembly by tests/wasm/rules-errors.test.mjs.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "default_rules.hpp"
#include "eligibility/engine.hpp"
#include "pattern.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: rules_case_runner SOURCE_DIR CASES_DIR\n";
        return 2;
    }
    const fs::path source = argv[1];
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(argv[2])) {
        if (e.path().extension() == ".json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    size_t passed = 0, failed = 0;
    for (const auto& file : files) {
        const json c = json::parse(golden::read_file(file), nullptr, false);
        const std::string name = file.filename().string();
        std::string text;
        if (c.contains("rules_text")) {
            text = c["rules_text"].get<std::string>();
        } else if (c.contains("rules_base64")) {
            text = golden::decode_base64(c["rules_base64"].get<std::string>());
        } else if (c.contains("document")) {
            const std::string doc = c["document"].get<std::string>();
            json base = json::parse(doc == "bundle" ? std::string(eligibility::embedded::default_rules())
                                                    : golden::read_file(source / "data/services" / (doc + ".json")),
                                    nullptr, false);
            text = (c.contains("patch") ? base.patch(c["patch"]) : base).dump();
        } else {
            std::cout << "FAIL " << name << ": needs document (+ patch), rules_text or rules_base64\n";
            ++failed;
            continue;
        }
        eligibility::Errors errors;
        const auto engine = eligibility::Engine::load_document(eligibility::embedded::default_rules(), text, errors);
        std::vector<std::string> problems;
        if (engine) problems.push_back("the rules were accepted");
        else golden::match(c["expect"], json::parse(eligibility::errors_json(errors)), "", problems);
        if (problems.empty()) {
            ++passed;
            continue;
        }
        ++failed;
        std::cout << "FAIL " << name << " — " << c.value("description", std::string()) << "\n";
        for (const auto& p : problems) std::cout << "    " << p << "\n";
    }
    std::cout << passed << " passed, " << failed << " failed, of " << files.size() << " broken rules files\n";
    return failed == 0 && !files.empty() ? 0 : 1;
}
