#include "shingles.h"

#include <unicode/uchar.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>

namespace webclean::testing {

std::vector<std::string> word_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const int32_t mask = c < 0 ? 0 : U_GET_GC_MASK(c);
    if (c == '_' || (mask & (U_GC_L_MASK | U_GC_N_MASK)) != 0) {
      current.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

namespace {

std::map<std::string, int> shingles(std::string_view text) {
  const std::vector<std::string> tokens = word_tokens(text);
  std::map<std::string, int> out;
  if (tokens.empty()) return out;
  const size_t n = tokens.size() < 4 ? tokens.size() : 4;
  for (size_t i = 0; i + n <= tokens.size(); ++i) {
    std::string key;
    for (size_t j = i; j < i + n; ++j) key += tokens[j] + '\x1f';
    ++out[key];
  }
  return out;
}

}  // namespace

double shingle_f1(std::string_view predicted, std::string_view gold) {
  const auto p = shingles(predicted);
  const auto g = shingles(gold);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [key, count] : p) {
    auto it = g.find(key);
    const int common = it == g.end() ? 0 : std::min(count, it->second);
    tp += common;
    fp += count - common;
  }
  for (const auto& [key, count] : g) {
    auto it = p.find(key);
    fn += count - (it == p.end() ? 0 : std::min(count, it->second));
  }
  if (tp + fp + fn == 0) return 1.0;
  return 2 * tp / (2 * tp + fp + fn);
}

namespace {

std::map<std::string, int> lower_word_bag(std::string_view text) {
  std::map<std::string, int> bag;
  for (const std::string& token : word_tokens(text)) {
    std::string lower;
    icu::UnicodeString::fromUTF8(token).toLower(icu::Locale::getRoot()).toUTF8String(lower);
    ++bag[lower];
  }
  return bag;
}

int size_of(const std::map<std::string, int>& bag) {
  int size = 0;
  for (const auto& [word, count] : bag) size += count;
  return size;
}

}  // namespace

double word_bag_f1(std::string_view predicted, std::string_view gold) {
  const auto p = lower_word_bag(predicted);
  const auto g = lower_word_bag(gold);
  if (g.empty()) return p.empty() ? 1.0 : 0.0;
  if (p.empty()) return 0.0;
  int overlap = 0;
  for (const auto& [word, count] : p) {
    const auto it = g.find(word);
    if (it != g.end()) overlap += std::min(count, it->second);
  }
  if (overlap == 0) return 0.0;
  const double precision = static_cast<double>(overlap) / size_of(p);
  const double recall = static_cast<double>(overlap) / size_of(g);
  return 2 * precision * recall / (precision + recall);
}

std::string normalise_space(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

double snippet_accuracy(std::string_view predicted, const std::vector<std::string>& with,
                        const std::vector<std::string>& without) {
  const std::string text = normalise_space(predicted);
  size_t right = 0;
  for (const std::string& s : with) right += text.find(normalise_space(s)) != std::string::npos;
  for (const std::string& s : without) right += text.find(normalise_space(s)) == std::string::npos;
  const size_t all = with.size() + without.size();
  return all == 0 ? 1.0 : double(right) / double(all);
}

}  // namespace webclean::testing
