#include "cli/cli.hpp"

#include <unistd.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <stdexcept>

#include "model/indicators.hpp"
#include "model/model_parameters.hpp"
#include "model/simulation.hpp"
#include "output/output_target.hpp"
#include "output/run_memory.hpp"
#include "output/run_output.hpp"
#include "scenario/parameter_definition.hpp"
#include "scenario/scenario.hpp"
#include "taalwerk/version.hpp"

namespace taalwerk {
namespace {

constexpr const char* usage_text = R"(taalwerk: agent-based simulation of integration pathways of statushouders

Usage:
  taalwerk run SCENARIO [--seed N] [--replicates R] [--threads T] [--out FILE] [--force]
  taalwerk check SCENARIO
  taalwerk params [--out FILE]
  taalwerk outputs [--out FILE]
  taalwerk --help | --version

Commands:
  run       Simulate SCENARIO (a .toml file) and write monthly indicators to an HDF5 file.
              --seed N         base seed, 0..4294967295 (default 1); replicate r uses key (N, r)
              --replicates R   number of replicates, 1..100000 (default 1)
              --threads T      worker threads, 0 = all cores (default 0); results do not depend on it
              --out FILE       output file (default outputs/<scenario name>.h5)
              --force          overwrite FILE if it exists (default: refuse)
  check     Validate SCENARIO and print the fully resolved scenario.
  params    Print the parameter table (Markdown; docs/parameters.md is this output).
  outputs   Print the indicator table (Markdown; docs/outputs.md is this output).

Exit codes:
  0 success; 1 internal error; 2 usage error; 3 scenario error; 4 output error
  (file exists without --force, or cannot be written); 130 interrupted (nothing is written).
)";

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::atomic<bool> interrupted{false};
extern "C" void handle_interrupt(int) { interrupted.store(true); }

template <class Integer>
Integer parse_integer(const std::string& option, const std::string& text, Integer minimum, Integer maximum) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < static_cast<long long>(minimum) ||
        value > static_cast<long long>(maximum))
        throw UsageError("option " + option + ": '" + text + "' is not allowed; allowed: an integer from " +
                         std::to_string(minimum) + " to " + std::to_string(maximum));
    return static_cast<Integer>(value);
}

struct RunOptions {
    std::string scenario;
    RunSettings settings;
    std::optional<std::string> out;
    bool force = false;
};

RunOptions parse_run_options(const std::vector<std::string>& arguments) {
    RunOptions options;
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= arguments.size()) throw UsageError("option " + argument + " needs a value");
            return arguments[++i];
        };
        if (argument == "--seed") options.settings.base_seed = parse_integer<std::uint32_t>(argument, value(), 0, std::numeric_limits<std::uint32_t>::max());
        else if (argument == "--replicates") options.settings.replicates = parse_integer<std::uint32_t>(argument, value(), 1, 100000);
        else if (argument == "--threads") options.settings.threads = parse_integer<int>(argument, value(), 0, 1024);
        else if (argument == "--out") options.out = value();
        else if (argument == "--force") options.force = true;
        else if (argument.rfind("--", 0) == 0) throw UsageError("unknown option '" + argument + "' for 'run'");
        else if (options.scenario.empty()) options.scenario = argument;
        else throw UsageError("'run' takes one scenario; got a second: '" + argument + "'");
    }
    if (options.scenario.empty()) throw UsageError("'run' needs a SCENARIO file");
    return options;
}

// A progress line on a terminal, shown once a run has taken a couple of seconds.
class ProgressLine {
public:
    ProgressLine(std::uint32_t replicates, int months)
        : total_(static_cast<double>(replicates) * months), replicates_(replicates), months_(months),
          enabled_(isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()) {}

    void update(std::uint32_t replicate, int month) {
        if (!enabled_) return;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        if (seconds < 2.0 || seconds - last_shown_ < 0.25) return;
        last_shown_ = seconds;
        const double done = static_cast<double>(replicate) * months_ + month + 1;
        const double remaining = seconds / done * (total_ - done);
        std::fprintf(stderr, "\rreplicate %u/%u, month %d/%d, %3.0f%%, about %.0f s left   ", replicate + 1,
                     replicates_, month + 1, months_, 100.0 * done / total_, remaining);
        shown_ = true;
    }
    void finish() {
        if (shown_) std::fprintf(stderr, "\r%80s\r", "");
    }

private:
    double total_;
    std::uint32_t replicates_;
    int months_;
    bool enabled_;
    bool shown_ = false;
    double last_shown_ = 0.0;
    std::chrono::steady_clock::time_point start_;
};

void write_text(const std::optional<std::string>& out, const std::string& text) {
    if (!out) {
        std::cout << text;
        return;
    }
    std::ofstream file(*out);
    file << text;
    if (!file.flush()) throw OutputError("cannot write '" + *out + "'");
}

std::string outputs_markdown() {
    std::string text =
        "# Outputs\n\n"
        "Generated by `taalwerk outputs` from the model's own indicator table (`sim/model/indicators.hpp`); "
        "do not edit by hand.\n\n"
        "Every indicator is a float64 dataset of shape (replicate, month, group) in the run file "
        "(layout: `docs/output-file-format.md`). `month` counts from the permit (month 0). Counts are "
        "persons at the end of the month; divide by `persons` of the same group for a share. Money is the "
        "amount in that month.\n\n"
        "Groups (the `group` coordinate): `all`; `sex=male|female`; `origin=syria|eritrea|other`; "
        "`education=primary_or_less|lower_secondary|upper_secondary|higher`; `age=18-29|30-44|45-64` (at the "
        "permit); `literacy=literate|not_literate` (in the own language); `pathway=sequential|parallel|work_first` (of the person's municipality); "
        "`municipality=<name>`. The cells of one breakdown add up to `all`.\n\n"
        "| indicator | unit | description |\n|---|---|---|\n";
    for (const auto& d : indicator_descriptions)
        text += "| `" + std::string(d.name) + "` | " + std::string(d.unit) + " | " + std::string(d.description) + " |\n";
    return text;
}

int command_run(const std::vector<std::string>& arguments) {
    RunOptions options = parse_run_options(arguments);
    const Scenario scenario = Scenario::load(options.scenario, model_catalogue());
    const std::filesystem::path out = options.out ? std::filesystem::path(*options.out)
                                                  : std::filesystem::path("outputs") / (scenario.name() + ".h5");
    check_output_target(out, options.force);  // refuse before the run, not after it

    const auto months = static_cast<int>(scenario.integer("run.months"));
    ProgressLine progress(options.settings.replicates, months);
    options.settings.on_month_done = [&progress](std::uint32_t replicate, int month) { progress.update(replicate, month); };
    options.settings.cancel = &interrupted;
    interrupted.store(false);
    // Restored on return, so an embedding process (Python) keeps its own handlers.
    struct SignalHandlers {
        void (*previous_interrupt)(int) = std::signal(SIGINT, handle_interrupt);
        void (*previous_terminate)(int) = std::signal(SIGTERM, handle_interrupt);
        ~SignalHandlers() {
            std::signal(SIGINT, previous_interrupt);
            std::signal(SIGTERM, previous_terminate);
        }
    } signal_handlers;

    const auto start = std::chrono::steady_clock::now();
    const RunOutput output = run_scenario(scenario, options.settings);
    progress.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    write_run_output(output, out, options.force);
    const double agent_months = static_cast<double>(output.metadata.agents) * months * options.settings.replicates;
    std::cerr << "wrote " << out.string() << ": scenario '" << scenario.name() << "', " << output.metadata.agents
              << " agents, " << months << " months, " << options.settings.replicates << " replicate(s), seed "
              << options.settings.base_seed << ", " << output.metadata.threads << " thread(s), " << seconds << " s ("
              << agent_months / seconds / 1e6 << " M agent-months/s)\n";
    return exit_success;
}

int command_check(const std::vector<std::string>& arguments) {
    if (arguments.size() != 2) throw UsageError("'check' takes exactly one SCENARIO file");
    const Scenario scenario = Scenario::load(arguments[1], model_catalogue());
    read_model_parameters(scenario);  // cross-field rules too
    std::cout << scenario.resolved_toml();
    return exit_success;
}

std::optional<std::string> parse_out_only(const std::vector<std::string>& arguments) {
    if (arguments.size() == 1) return std::nullopt;
    if (arguments.size() == 3 && arguments[1] == "--out") return arguments[2];
    throw UsageError("'" + arguments[0] + "' takes only [--out FILE]");
}

}  // namespace

int run_command_line(const std::vector<std::string>& arguments) {
    try {
        if (arguments.empty()) throw UsageError("no command given");
        const std::string& command = arguments[0];
        if (command == "--help" || command == "-h" || command == "help") {
            std::cout << usage_text;
            return exit_success;
        }
        if (command == "--version") {
            std::cout << "taalwerk " << build_info::project_version << " (" << build_info::git_describe << ")\n";
            for (const auto& [library, version] : library_versions()) std::cout << "  " << library << " " << version << "\n";
            return exit_success;
        }
        if (command == "run") return command_run(arguments);
        if (command == "check") return command_check(arguments);
        if (command == "params") {
            write_text(parse_out_only(arguments), parameters_markdown(model_catalogue()));
            return exit_success;
        }
        if (command == "outputs") {
            write_text(parse_out_only(arguments), outputs_markdown());
            return exit_success;
        }
        throw UsageError("unknown command '" + command + "'");
    } catch (const UsageError& error) {
        std::cerr << "taalwerk: " << error.what() << "\n\n" << usage_text;
        return exit_usage_error;
    } catch (const ScenarioError& error) {
        std::cerr << "taalwerk: scenario error: " << error.what() << "\n";
        return exit_scenario_error;
    } catch (const OutputError& error) {
        std::cerr << "taalwerk: output error: " << error.what() << "\n";
        return exit_output_error;
    } catch (const RunTooLarge& error) {
        std::cerr << "taalwerk: " << error.what() << "\n";
        return exit_usage_error;
    } catch (const RunCancelled&) {
        std::cerr << "\ntaalwerk: interrupted; nothing was written\n";
        return exit_interrupted;
    } catch (const std::exception& error) {
        std::cerr << "taalwerk: internal error: " << error.what() << "\n";
        return exit_internal_error;
    }
}

}  // namespace taalwerk
