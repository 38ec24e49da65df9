// Run selection with -r, as in OMNeT++: either a list of run numbers and
// ranges ("0,3,5..9", "2-4") or an expression over iteration variables and
// run attributes ("$rho>0.6 && $repetition<2").
#pragma once

#include <string>
#include <vector>

#include "ini.h"

// True if the filter only consists of digits, commas, dots, dashes and spaces,
// i.e. it is a run-number list rather than an expression.
bool isRunNumberList(const std::string& filter);

// Parses "0,3,5..9" / "2-4" into run numbers in the given order (duplicates kept,
// like OMNeT++). Throws Error on syntax errors.
std::vector<int> parseRunNumberList(const std::string& list);

// The runs of `config` selected by `filter` (all runs if the filter is blank).
std::vector<int> resolveRunFilter(const IniFile& ini, const std::string& config, const std::string& filter);
