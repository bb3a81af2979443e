// Every heuristic constant of the block stage's features (language
// detection), in one place, each with where its value comes from. Change
// a value here and run bench/quality.sh and bench/metadata.sh.
#ifndef WEBCLEAN_BLOCK_PARAMS_H_
#define WEBCLEAN_BLOCK_PARAMS_H_

#include <cstddef>
#include <cstdint>

namespace webclean::block::params {

// --- language by stop words ---
// Words read from a document to tell its language: enough to tell
// languages apart, a bounded cost on long pages. Chosen by hand, not
// measured.
inline constexpr size_t kDetectionWords = 4000;
// A block reads as prose, and counts for detection, when it has at least
// kMinProseTokens space-separated tokens and kMinProseWordPercent of them
// are words (not URL parts, markup or code, which match other languages'
// stop words). Counting prose only took lynx dumps 0.852 -> 0.858 and w3m
// dumps 0.858 -> 0.865 (a w3m dump's tracking URLs made an English page
// German); the two values were chosen by hand, not measured.
inline constexpr size_t kMinProseTokens = 5;
inline constexpr size_t kMinProseWordPercent = 70;
// A stop list wins only with at least kMinStopwordHits hits and one hit in
// every kMaxWordsPerStopwordHit words (10%): less is not enough evidence
// for any list. Chosen by hand, not measured.
inline constexpr uint32_t kMinStopwordHits = 5;
inline constexpr size_t kMaxWordsPerStopwordHit = 10;

// --- language by script (Japanese, Chinese, Thai: no stop list tells them) ---
// Bytes of text read to count letters: plenty of letters to count. Chosen
// by hand, not measured.
inline constexpr size_t kScriptSampleBytes = 64 * 1024;
// CJK text is Japanese when at least this many of 1000 of its letters are
// kana: Japanese prose has 300-600, Chinese none. Chosen by hand well
// below Japanese prose, not measured; telling these languages by script
// took the text set's languages from 66/73 to 68/73.
inline constexpr size_t kMinKanaPerMille = 50;

}  // namespace webclean::block::params

#endif  // WEBCLEAN_BLOCK_PARAMS_H_
