#include "stats.h"

#include <algorithm>
#include <cmath>

void Statistics::collect(double v)
{
    if (n == 0)
        lo = hi = v;
    else {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    n++;
    s += v;
    sq += v * v;
}

double Statistics::min() const { return n ? lo : NAN; }
double Statistics::max() const { return n ? hi : NAN; }
double Statistics::mean() const { return n ? s / n : NAN; }

double Statistics::stddev() const
{
    if (n <= 1)
        return NAN;
    double var = (sq - s * s / n) / (n - 1);
    return var < 0 ? 0 : std::sqrt(var);
}

namespace {
double niceWidth(double x)
{
    if (!(x > 0))
        return 1;
    double e = std::floor(std::log10(x));
    double f = x / std::pow(10.0, e);
    double nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nf * std::pow(10.0, e);
}
}  // namespace

void Histogram::collect(double v)
{
    if (std::isnan(v))
        return;
    if (!ranged) {
        pre.push_back(v);
        if (pre.size() >= kPrecollect)
            setupRange();
        return;
    }
    insert(v);
}

void Histogram::setupRange()
{
    double mn = *std::min_element(pre.begin(), pre.end());
    double mx = *std::max_element(pre.begin(), pre.end());
    // start at zero for non-negative data unless the values are far from zero
    double base = (mn >= 0 && mn <= (mx - mn)) ? 0 : mn;
    double span = mx - base;
    width = span > 0 ? niceWidth(span / kInitialBins) : niceWidth(std::fabs(mx) > 0 ? std::fabs(mx) / 10 : 1);
    lo = std::floor(base / width) * width;
    size_t nbins = (size_t)std::floor((mx - lo) / width) + 1;
    counts.assign(nbins, 0);
    ranged = true;
    std::vector<double> values;
    values.swap(pre);
    for (double v : values)
        insert(v);
}

void Histogram::mergePairs()
{
    if (counts.size() % 2)
        counts.push_back(0);
    std::vector<double> merged(counts.size() / 2);
    for (size_t i = 0; i < merged.size(); i++)
        merged[i] = counts[2 * i] + counts[2 * i + 1];
    counts.swap(merged);
    width *= 2;
}

void Histogram::insert(double v)
{
    if (v < lo) {
        size_t add = (size_t)std::ceil((lo - v) / width);
        while (counts.size() + add > kMaxBins) {
            mergePairs();
            add = (size_t)std::ceil((lo - v) / width);
        }
        counts.insert(counts.begin(), add, 0);
        lo -= add * width;
    }
    size_t idx = (size_t)std::floor((v - lo) / width);
    while (idx >= kMaxBins) {
        mergePairs();
        idx = (size_t)std::floor((v - lo) / width);
    }
    if (idx >= counts.size())
        counts.resize(idx + 1, 0);
    counts[idx] += 1;
}

std::vector<std::pair<double, double>> Histogram::bins()
{
    if (!ranged && !pre.empty())
        setupRange();
    std::vector<std::pair<double, double>> r;
    if (!ranged)
        return r;
    r.emplace_back(-INFINITY, 0.0);
    for (size_t i = 0; i < counts.size(); i++)
        r.emplace_back(lo + i * width, counts[i]);
    r.emplace_back(lo + counts.size() * width, 0.0);
    return r;
}
