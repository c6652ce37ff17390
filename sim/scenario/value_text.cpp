#include "scenario/value_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace taalwerk {

namespace {

std::string shortest_round_trip(double value, std::chars_format format) {
    char buffer[64];
    const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof buffer, value, format);
    return std::string(buffer, result.ptr);
}

// Whole numbers of moderate size read best in full ("100000000" rather than "1e+08").
bool reads_best_in_full(double value) {
    return std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < 1e15;
}

}  // namespace

std::string real_literal(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    if (reads_best_in_full(value)) return shortest_round_trip(value, std::chars_format::fixed) + ".0";
    std::string text = shortest_round_trip(value, std::chars_format::general);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

std::string number_text(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    if (reads_best_in_full(value)) return shortest_round_trip(value, std::chars_format::fixed);
    return shortest_round_trip(value, std::chars_format::general);
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                    char escape[8];
                    std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += escape;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

std::string value_literal(const ScenarioValue& value) {
    if (const bool* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
    if (const std::int64_t* whole = std::get_if<std::int64_t>(&value)) return std::to_string(*whole);
    if (const double* real = std::get_if<double>(&value)) return real_literal(*real);
    if (const std::string* text = std::get_if<std::string>(&value)) return quoted(*text);
    const std::vector<double>& list = std::get<std::vector<double>>(value);
    std::string out = "[";
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0) out += ", ";
        out += real_literal(list[i]);
    }
    out += ']';
    return out;
}

const char* value_type_name(const ScenarioValue& value) {
    switch (value.index()) {
        case 0: return "boolean";
        case 1: return "integer";
        case 2: return "real";
        case 3: return "string";
        default: return "list";
    }
}

}  // namespace taalwerk
