// Hostile input through the whole Cleaner: every case ends in a result or a
// clear error, never a crash or a hang. Sizes shrink under the sanitizers,
// which run the same shapes ten times slower.
#include <catch2/catch.hpp>

#include <limits>
#include <string>

#include "../hostile_scale.h"
#include "webclean/cleaner.h"

using webclean::Cleaner;
using webclean::DocumentInfo;
using webclean::InputKind;
using webclean::Result;

namespace {

constexpr size_t kScale = webclean::testing::kHostileScale;

const Cleaner& cleaner() {
  static const Cleaner shipped;
  return shipped;
}

Result clean_as(std::string_view bytes, InputKind kind) {
  DocumentInfo info;
  info.kind = kind;
  return cleaner().clean(bytes, info);
}

// Strict UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF.
bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t extra = 0;
    uint32_t min = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;  // cut short
    for (size_t k = 1; k <= extra; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = cp << 6 | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

const std::string kProse =
    "The members of the council discussed the proposal at length on Tuesday evening, and most "
    "of them agreed that it should be looked at again before the end of the year. ";

std::string repeated(std::string_view unit, size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

}  // namespace

TEST_CASE("NUL bytes in a page are dropped and the text around them kept", "[core][hostile]") {
  const std::string page = "<p>" + kProse + std::string(3, '\0') + kProse + "</p>";
  const Result html = clean_as(page, InputKind::kHtml);
  REQUIRE(html.ok());
  CHECK(html.text.find('\0') == std::string::npos);
  CHECK(html.text.find("council discussed") != std::string::npos);
  const Result text = clean_as(kProse + std::string(1, '\0') + kProse, InputKind::kText);
  REQUIRE(text.ok());
  CHECK(text.text.find('\0') == std::string::npos);
}

TEST_CASE("invalid and overlong UTF-8 never reaches the output", "[core][hostile]") {
  // 0xC0 0xAF is an overlong '/', 0xED 0xA0 0x80 a surrogate, 0xF5 no lead byte at all,
  // and the page ends in the middle of a sequence.
  const std::string bad = "alpha\xC0\xAFomega \xE0\x80\xAF \xED\xA0\x80 \xF5\x80\x80\x80 \xFF\xFE ";
  const std::string page = "<html><head><meta charset=utf-8></head><body><p>" + kProse + bad +
                           kProse + "</p></body></html>\xE2\x82";
  for (InputKind kind : {InputKind::kHtml, InputKind::kText, InputKind::kAuto}) {
    const Result r = clean_as(page, kind);
    REQUIRE(r.ok());
    CHECK(valid_utf8(r.text));
    CHECK(r.text.find("alpha/omega") == std::string::npos);  // no overlong slash decoded as one
    CHECK(r.text.find("the end of the year") != std::string::npos);
  }
}

TEST_CASE("a UTF-16 page without a byte-order mark is decoded or refused with a reason",
          "[core][hostile]") {
  const std::string ascii = "<html><body><p>" + kProse + kProse + "</p></body></html>";
  std::string utf16le;
  for (char c : ascii) utf16le += std::string{c, '\0'};
  const Result r = cleaner().clean(utf16le);
  if (r.ok()) {
    CHECK(valid_utf8(r.text));
    CHECK(r.text.find("council discussed") != std::string::npos);
  } else {
    CHECK_FALSE(r.error.empty());
  }
}

TEST_CASE("a PNG passed as HTML is refused with a reason", "[core][hostile]") {
  static const char kHeader[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  std::string png(kHeader, sizeof kHeader - 1);
  for (int i = 0; i < 4000; ++i) png += static_cast<char>((i * 7919) & 0xFF);
  const Result r = clean_as(png, InputKind::kHtml);
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.error.empty());
  CHECK(r.text.empty());
}

TEST_CASE("a hundred thousand sibling links are cleaned as one link list", "[core][hostile]") {
  const std::string page = "<html><body><p>" + repeated("<a href=/x>link</a> ", 100000 / kScale) +
                           "</p><p>" + kProse + "</p></body></html>";
  const Result r = clean_as(page, InputKind::kHtml);
  REQUIRE(r.ok());
  CHECK(r.text.find("council discussed") != std::string::npos);
  CHECK(r.text.find("link link") == std::string::npos);
}

TEST_CASE("a hundred thousand unclosed paragraphs each stay a paragraph", "[core][hostile]") {
  const std::string page = "<html><body>" + repeated("<p>" + kProse, 100000 / kScale);
  const Result r = clean_as(page, InputKind::kHtml);
  REQUIRE(r.ok());
  CHECK(r.text.find("council discussed") != std::string::npos);
}

TEST_CASE("a hundred thousand unclosed tables end in a result", "[core][hostile]") {
  const std::string page =
      "<html><body>" + repeated("<table><tr><td>" + kProse, 100000 / kScale) + "</body></html>";
  const Result r = clean_as(page, InputKind::kHtml);
  REQUIRE(r.ok());
  CHECK(valid_utf8(r.text));
}

TEST_CASE("a million unclosed inline and list elements end in a result", "[core][hostile]") {
  for (const char* unit : {"<b>x ", "<i><b>x ", "<li>x <ul>", "<a href=/>x ", "<font>x "}) {
    const std::string page = "<html><body>" + repeated(unit, 1000000 / kScale);
    const Result r = clean_as(page, InputKind::kHtml);
    REQUIRE(r.ok());
  }
}

TEST_CASE("a page of one very long line without markup is cleaned whole", "[core][hostile]") {
  const std::string line = repeated(kProse, (20u << 20) / kScale / kProse.size());
  const Result html = clean_as("<p>" + line, InputKind::kHtml);
  REQUIRE(html.ok());
  CHECK(html.text.size() > line.size() * 9 / 10);
  const Result text = clean_as(line, InputKind::kText);
  REQUIRE(text.ok());
  CHECK(text.text.size() > line.size() * 9 / 10);
}

TEST_CASE("a document over the time limit fails with a reason naming the limit",
          "[core][hostile]") {
  webclean::Options options;
  options.max_seconds = 1e-6;
  const Cleaner hurried(options);
  const Result r = hurried.clean("<p>" + repeated(kProse, 20000));
  CHECK_FALSE(r.ok());
  CHECK(r.error.find("longer than the limit of 1e-06 s") != std::string::npos);
  CHECK(r.text.empty());
  options.max_seconds = 0;  // no limit
  CHECK(Cleaner(options).clean("<p>" + repeated(kProse, 20000)).ok());
}

TEST_CASE("a time limit too far off for the clock is no limit, not an overflow",
          "[core][hostile]") {
  // The command line and the C API stop at a day; a C++ or Python caller
  // may pass any double, and its conversion to clock ticks must not overflow
  // (the sanitizer build traps on that).
  for (const double seconds :
       {1e300, std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()}) {
    webclean::Options options;
    options.max_seconds = seconds;
    const Result r =
        Cleaner(options).clean("<article><p>" + kProse +
                               "</p><p>A second paragraph of the story follows the first one, "
                               "as long as a paragraph of a news article is.</p></article>");
    CHECK(r.ok());
    CHECK(r.text.find("members of the council") != std::string::npos);
  }
}
