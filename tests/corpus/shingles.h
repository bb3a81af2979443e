// The quality measures of ../shared/eval/score.py, re-implemented for the
// corpus regression test: 4-word shingle F1 against gold text, and the
// share of with/without snippets handled right.
#ifndef WEBCLEAN_TESTS_CORPUS_SHINGLES_H_
#define WEBCLEAN_TESTS_CORPUS_SHINGLES_H_

#include <string>
#include <string_view>
#include <vector>

namespace webclean::testing {

// Python's \w+ tokens (letters, numbers, underscore).
std::vector<std::string> word_tokens(std::string_view text);
// F1 of 4-word shingle multisets (score.py's per-document gold F1).
double shingle_f1(std::string_view predicted, std::string_view gold);
// F1 of lower-cased word-token bags (score.py's words mode, the WCXB
// benchmark's metric): an empty gold scores 1 only against empty output.
double word_bag_f1(std::string_view predicted, std::string_view gold);
// Every whitespace run to one space, trimmed.
std::string normalise_space(std::string_view text);
// (with snippets found + without snippets absent) / all snippets.
double snippet_accuracy(std::string_view predicted, const std::vector<std::string>& with,
                        const std::vector<std::string>& without);

}  // namespace webclean::testing

#endif  // WEBCLEAN_TESTS_CORPUS_SHINGLES_H_
