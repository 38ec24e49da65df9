// String helpers shared by the ini reader, the result writers and the CLI.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

// All user-visible errors are thrown as this type; main() prints them as
// "<!> Error: MESSAGE" and exits with code 1, like OMNeT++'s Cmdenv.
class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& msg) : std::runtime_error(msg) {}
};

// printf-style formatting into a std::string.
std::string strf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

std::string trim(const std::string& s);
bool startsWith(const std::string& s, const std::string& prefix);
bool endsWith(const std::string& s, const std::string& suffix);
std::string toLower(std::string s);

// Splits at `sep` characters that are not inside double quotes or parentheses.
std::vector<std::string> splitTopLevel(const std::string& s, char sep);

// Result-file quoting, as OMNeT++ does it: a token needs quotes if it is empty
// or contains whitespace, a backslash, a double quote or a control character.
bool needsQuotes(const std::string& s);
std::string quote(const std::string& s);            // always quotes, with escapes
std::string quoteIfNeeded(const std::string& s);

// Parses a double-quoted string literal (with backslash escapes) that must span
// the whole of `s`; returns false if `s` is not exactly one such literal.
bool parseQuoted(const std::string& s, std::string& out);

// Number formatting: "%.*g", but "nan"/"inf"/"-inf" spelled like OMNeT++ does.
std::string fmtNum(double v, int prec = 14);

// Simulation time is an integer number of picoseconds (OMNeT++'s default
// simtime-resolution). Formats like SimTime::str(): "0.485615430277", "600".
std::string simtimeStr(int64_t ps);

// Quantities: "1.5s", "100ms", "2", "9.6kbps". Returns false if `s` is not a
// number optionally followed by a unit name.
bool parseQuantity(const std::string& s, double& value, std::string& unit);

// Converts a value in `unit` to the base unit of its dimension (s, b, bps, m,
// Hz); unknown units are kept unchanged. Returns false for unknown units.
bool toBaseUnit(double& value, std::string& unit);

// Parses a time quantity (a bare number means seconds) into picoseconds.
// Throws Error if the value is not a time or does not fit the 64-bit clock.
int64_t parseSimtime(const std::string& s, const std::string& what);

// Like OMNeT++'s opp_filenameencode(): makes an iteration-variable value safe
// for use inside a file name.
std::string filenameEncode(const std::string& s);

// OMNeT++-style name pattern: "**" matches anything, "*" anything but a dot,
// "?" one character but a dot, "{a..b}" and "[a..b]" numeric ranges.
bool patternMatches(const std::string& pattern, const std::string& text);
