// A small expression evaluator covering what OMNeT++ accepts in `constraint`
// entries, in expression-style run filters (-r '$rho>0.6 && $repetition<2')
// and in simple parameter values (numbers with units, arithmetic).
//
// Syntax: numbers with optional unit (1.5s, 100ms), "strings", true/false,
// $name or ${name} variable references, parentheses, function calls
// (min, max, abs, floor, ceil, round, sqrt, exp, log, log10, pow), and the
// operators  ?:  || or  && and  == !=  < <= > >=  + -  * / %  ^  ! not  unary -.
#pragma once

#include <functional>
#include <string>

struct Value {
    enum Type { NUM, STR, BOOL } type = NUM;
    double num = 0;
    std::string unit;  // base unit (s, b, bps, m, Hz) or an unknown unit name as written
    std::string str;
    bool b = false;

    static Value number(double v, const std::string& unit = "");
    static Value string(const std::string& s);
    static Value boolean(bool v);

    // Interprets the text of an iteration variable or config value: a quoted
    // string, true/false, a number with optional unit, otherwise a plain string.
    static Value fromText(const std::string& text);

    bool truthy() const;
    std::string describe() const;
};

// Looks up a variable by name (without the $); returns false if unknown.
using VarLookup = std::function<bool(const std::string& name, std::string& value)>;

// Throws Error on syntax errors, unknown variables or type mismatches.
Value evaluateExpr(const std::string& expr, const VarLookup& vars);
bool evaluateBool(const std::string& expr, const VarLookup& vars);
