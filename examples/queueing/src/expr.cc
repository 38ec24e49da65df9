#include "expr.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "strutil.h"

Value Value::number(double v, const std::string& unit)
{
    Value r;
    r.type = NUM;
    r.num = v;
    r.unit = unit;
    toBaseUnit(r.num, r.unit);
    return r;
}

Value Value::string(const std::string& s)
{
    Value r;
    r.type = STR;
    r.str = s;
    return r;
}

Value Value::boolean(bool v)
{
    Value r;
    r.type = BOOL;
    r.b = v;
    return r;
}

Value Value::fromText(const std::string& text)
{
    std::string t = trim(text);
    std::string s;
    if (parseQuoted(t, s))
        return string(s);
    if (t == "true" || t == "false")
        return boolean(t == "true");
    double v;
    std::string unit;
    if (parseQuantity(t, v, unit))
        return number(v, unit);
    if (t == "inf" || t == "nan" || t == "-inf")
        return number(strtod(t.c_str(), nullptr));
    return string(t);
}

bool Value::truthy() const
{
    switch (type) {
        case BOOL: return b;
        case NUM: return num != 0;
        case STR: return !str.empty();
    }
    return false;
}

std::string Value::describe() const
{
    switch (type) {
        case BOOL: return b ? "true" : "false";
        case NUM: return fmtNum(num) + unit;
        case STR: return quote(str);
    }
    return "?";
}

namespace {

class Parser {
  public:
    Parser(const std::string& text, const VarLookup& vars) : s(text), vars(vars) {}

    Value parseAll()
    {
        Value v = ternary();
        skipWs();
        if (pos != s.size())
            fail(strf("unexpected '%s'", s.substr(pos).c_str()));
        return v;
    }

  private:
    const std::string& s;
    const VarLookup& vars;
    size_t pos = 0;

    [[noreturn]] void fail(const std::string& msg) { throw Error(msg); }

    void skipWs()
    {
        while (pos < s.size() && isspace((unsigned char)s[pos]))
            pos++;
    }

    bool accept(const char *op)
    {
        skipWs();
        size_t n = strlen(op);
        if (s.compare(pos, n, op) != 0)
            return false;
        // don't take "<" from "<=", "!" from "!=", "=" never stands alone
        if ((n == 1 && (op[0] == '<' || op[0] == '>' || op[0] == '!')) && pos + 1 < s.size() && s[pos + 1] == '=')
            return false;
        pos += n;
        return true;
    }

    bool acceptWord(const char *word)
    {
        skipWs();
        size_t n = strlen(word);
        if (s.compare(pos, n, word) != 0)
            return false;
        if (pos + n < s.size() && (isalnum((unsigned char)s[pos + n]) || s[pos + n] == '_'))
            return false;
        pos += n;
        return true;
    }

    static bool asBool(const Value& v, const char *op)
    {
        if (v.type == Value::STR)
            throw Error(strf("operand of '%s' must be boolean, got %s", op, v.describe().c_str()));
        return v.truthy();
    }

    static void checkNumbers(const Value& a, const Value& b, const char *op)
    {
        if (a.type != Value::NUM || b.type != Value::NUM)
            throw Error(strf("operands of '%s' must be numbers, got %s and %s", op, a.describe().c_str(), b.describe().c_str()));
    }

    // Units must agree when both sides have one; a dimensionless side is
    // accepted (more lenient than OMNeT++, convenient for run filters).
    static std::string commonUnit(const Value& a, const Value& b, const char *op)
    {
        if (!a.unit.empty() && !b.unit.empty() && a.unit != b.unit)
            throw Error(strf("unit mismatch in '%s': %s vs %s", op, a.describe().c_str(), b.describe().c_str()));
        return a.unit.empty() ? b.unit : a.unit;
    }

    Value ternary()
    {
        Value c = orExpr();
        if (accept("?")) {
            Value a = ternary();
            if (!accept(":"))
                fail("missing ':' in ?: expression");
            Value b = ternary();
            return asBool(c, "?:") ? a : b;
        }
        return c;
    }

    Value orExpr()
    {
        Value a = andExpr();
        while (accept("||") || acceptWord("or")) {
            Value b = andExpr();
            a = Value::boolean(asBool(a, "||") | asBool(b, "||"));
        }
        return a;
    }

    Value andExpr()
    {
        Value a = equality();
        while (accept("&&") || acceptWord("and")) {
            Value b = equality();
            a = Value::boolean(asBool(a, "&&") & asBool(b, "&&"));
        }
        return a;
    }

    static int compare(const Value& a, const Value& b, const char *op)
    {
        if (a.type == Value::STR && b.type == Value::STR)
            return a.str < b.str ? -1 : a.str > b.str ? 1 : 0;
        if (a.type == Value::BOOL && b.type == Value::BOOL)
            return (int)a.b - (int)b.b;
        checkNumbers(a, b, op);
        commonUnit(a, b, op);
        return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
    }

    Value equality()
    {
        Value a = relational();
        for (;;) {
            if (accept("==")) {
                Value b = relational();
                a = Value::boolean(compare(a, b, "==") == 0);
            }
            else if (accept("!=")) {
                Value b = relational();
                a = Value::boolean(compare(a, b, "!=") != 0);
            }
            else
                return a;
        }
    }

    Value relational()
    {
        Value a = additive();
        for (;;) {
            const char *ops[] = {"<=", ">=", "<", ">"};
            const char *found = nullptr;
            for (const char *op : ops)
                if (accept(op)) {
                    found = op;
                    break;
                }
            if (!found)
                return a;
            Value b = additive();
            int c = compare(a, b, found);
            bool nanInvolved = a.type == Value::NUM && b.type == Value::NUM && (std::isnan(a.num) || std::isnan(b.num));
            bool r = !nanInvolved && (found[0] == '<' ? (found[1] == '=' ? c <= 0 : c < 0) : (found[1] == '=' ? c >= 0 : c > 0));
            a = Value::boolean(r);
        }
    }

    Value additive()
    {
        Value a = multiplicative();
        for (;;) {
            if (accept("+")) {
                Value b = multiplicative();
                if (a.type == Value::STR && b.type == Value::STR) {
                    a = Value::string(a.str + b.str);
                    continue;
                }
                checkNumbers(a, b, "+");
                std::string u = commonUnit(a, b, "+");
                a = Value::number(a.num + b.num);
                a.unit = u;
            }
            else if (accept("-")) {
                Value b = multiplicative();
                checkNumbers(a, b, "-");
                std::string u = commonUnit(a, b, "-");
                a = Value::number(a.num - b.num);
                a.unit = u;
            }
            else
                return a;
        }
    }

    Value multiplicative()
    {
        Value a = power();
        for (;;) {
            char op = 0;
            if (accept("*"))
                op = '*';
            else if (accept("/"))
                op = '/';
            else if (accept("%"))
                op = '%';
            else
                return a;
            Value b = power();
            const char opstr[2] = {op, 0};
            checkNumbers(a, b, opstr);
            Value r;
            if (op == '*') {
                if (!a.unit.empty() && !b.unit.empty())
                    fail("cannot multiply two quantities with units");
                r = Value::number(a.num * b.num);
                r.unit = a.unit.empty() ? b.unit : a.unit;
            }
            else if (op == '/') {
                r = Value::number(a.num / b.num);
                if (a.unit == b.unit)
                    r.unit = "";
                else if (b.unit.empty())
                    r.unit = a.unit;
                else
                    fail("cannot divide by a quantity with a different unit");
            }
            else {
                r = Value::number(std::fmod(a.num, b.num));
                r.unit = commonUnit(a, b, "%");
            }
            a = r;
        }
    }

    Value power()
    {
        Value a = unary();
        if (accept("^")) {
            Value b = power();  // right associative
            checkNumbers(a, b, "^");
            if (!a.unit.empty() || !b.unit.empty())
                fail("'^' needs dimensionless operands");
            return Value::number(std::pow(a.num, b.num));
        }
        return a;
    }

    Value unary()
    {
        if (accept("!") || acceptWord("not"))
            return Value::boolean(!asBool(unary(), "!"));
        if (accept("-")) {
            Value v = unary();
            if (v.type != Value::NUM)
                fail("operand of unary '-' must be a number");
            v.num = -v.num;
            return v;
        }
        if (accept("+"))
            return unary();
        return primary();
    }

    std::string identifier()
    {
        size_t b = pos;
        if (pos < s.size() && (isalpha((unsigned char)s[pos]) || s[pos] == '_'))
            pos++;
        else
            return "";
        while (pos < s.size() && (isalnum((unsigned char)s[pos]) || s[pos] == '_'))
            pos++;
        return s.substr(b, pos - b);
    }

    Value variable()
    {
        // at '$'
        pos++;
        bool braces = pos < s.size() && s[pos] == '{';
        if (braces)
            pos++;
        std::string name = identifier();
        if (name.empty())
            fail("variable name expected after '$'");
        if (braces) {
            skipWs();
            if (pos >= s.size() || s[pos] != '}')
                fail("missing '}' after ${" + name);
            pos++;
        }
        std::string text;
        if (!vars || !vars(name, text))
            fail("No such variable: $" + name);
        return Value::fromText(text);
    }

    Value call(const std::string& fn)
    {
        std::vector<Value> args;
        skipWs();
        if (!accept(")")) {
            for (;;) {
                args.push_back(ternary());
                if (accept(")"))
                    break;
                if (!accept(","))
                    fail("',' or ')' expected in call of " + fn + "()");
            }
        }
        for (const Value& a : args)
            if (a.type != Value::NUM)
                fail("arguments of " + fn + "() must be numbers");
        auto need = [&](size_t n) {
            if (args.size() != n)
                fail(strf("%s() takes %zu argument(s)", fn.c_str(), n));
        };
        if (fn == "min" || fn == "max") {
            if (args.empty())
                fail(fn + "() needs arguments");
            Value r = args[0];
            for (const Value& a : args) {
                commonUnit(r, a, fn.c_str());
                if ((fn == "min") ? a.num < r.num : a.num > r.num)
                    r = a;
            }
            return r;
        }
        if (fn == "pow") {
            need(2);
            return Value::number(std::pow(args[0].num, args[1].num));
        }
        need(1);
        Value r = args[0];
        if (fn == "abs" || fn == "fabs")
            r.num = std::fabs(r.num);
        else if (fn == "floor")
            r.num = std::floor(r.num);
        else if (fn == "ceil")
            r.num = std::ceil(r.num);
        else if (fn == "round")
            r.num = std::round(r.num);
        else if (fn == "sqrt")
            r = Value::number(std::sqrt(r.num));
        else if (fn == "exp")
            r = Value::number(std::exp(r.num));
        else if (fn == "log")
            r = Value::number(std::log(r.num));
        else if (fn == "log10")
            r = Value::number(std::log10(r.num));
        else
            fail("Unknown function " + fn + "()");
        return r;
    }

    Value primary()
    {
        skipWs();
        if (pos >= s.size())
            fail("unexpected end of expression");
        char c = s[pos];
        if (c == '(') {
            pos++;
            Value v = ternary();
            if (!accept(")"))
                fail("missing ')'");
            return v;
        }
        if (c == '$')
            return variable();
        if (c == '"') {
            size_t b = pos++;
            while (pos < s.size() && s[pos] != '"') {
                if (s[pos] == '\\')
                    pos++;
                pos++;
            }
            if (pos >= s.size())
                fail("unterminated string literal");
            pos++;
            std::string str;
            parseQuoted(s.substr(b, pos - b), str);
            return Value::string(str);
        }
        if (isdigit((unsigned char)c) || c == '.') {
            const char *start = s.c_str() + pos;
            char *end = nullptr;
            double v = strtod(start, &end);
            if (end == start)
                fail(strf("bad number at '%s'", start));
            pos += end - start;
            size_t ub = pos;
            while (pos < s.size() && isalpha((unsigned char)s[pos]))
                pos++;
            return Value::number(v, s.substr(ub, pos - ub));
        }
        std::string id = identifier();
        if (id.empty())
            fail(strf("unexpected '%c'", c));
        if (id == "true" || id == "false")
            return Value::boolean(id == "true");
        if (id == "inf")
            return Value::number(INFINITY);
        if (id == "nan")
            return Value::number(NAN);
        if (accept("("))
            return call(id);
        fail("unknown identifier '" + id + "' (variables are written as $name)");
    }
};

}  // namespace

Value evaluateExpr(const std::string& expr, const VarLookup& vars)
{
    Parser p(expr, vars);
    return p.parseAll();
}

bool evaluateBool(const std::string& expr, const VarLookup& vars)
{
    Value v = evaluateExpr(expr, vars);
    if (v.type == Value::STR)
        throw Error("expression '" + expr + "' does not evaluate to a boolean");
    return v.truthy();
}
