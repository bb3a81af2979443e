// UTF-8 sequences as the Unicode standard bounds them (base/utf8.h).
#include "base/utf8.h"

#include <catch2/catch.hpp>

using webclean::base::is_utf8;
using webclean::base::utf8_sequence_at;
using webclean::base::Utf8Status;

TEST_CASE("well-formed UTF-8 of one to four bytes is UTF-8", "[base]") {
  CHECK(is_utf8(""));
  CHECK(is_utf8("plain"));
  CHECK(is_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));  // é € 😀
}

TEST_CASE("overlong forms, surrogates, code points past U+10FFFF and cut-off ends are not",
          "[base]") {
  CHECK_FALSE(is_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_utf8("\xE0\x80\xAF"));      // overlong, three bytes
  CHECK_FALSE(is_utf8("\xED\xA0\x80"));      // a surrogate
  CHECK_FALSE(is_utf8("\xF4\x90\x80\x80"));  // U+110000
  CHECK_FALSE(is_utf8("caf\xC3"));           // cut off
  CHECK_FALSE(is_utf8("\xE9t\xE9"));         // Latin-1
}

TEST_CASE("a sequence's length is that of its maximal ill-formed subpart when it is bad",
          "[base]") {
  CHECK(utf8_sequence_at("\xE2\x82\xAC", 0).length == 3);
  CHECK(utf8_sequence_at("\xE2\x82\xAC", 0).status == Utf8Status::kValid);
  CHECK(utf8_sequence_at("\xE2\x82x", 0).length == 2);
  CHECK(utf8_sequence_at("\xE2\x82x", 0).status == Utf8Status::kInvalid);
  CHECK(utf8_sequence_at("\xE2\x82", 0).status == Utf8Status::kTruncated);
  CHECK(utf8_sequence_at("\xFF", 0).length == 1);
}
