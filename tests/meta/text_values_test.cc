// The readings of text values meta shares: references decoded once, and
// invalid ones left as written; words counted between spaces.
#include <catch2/catch.hpp>

#include "meta/text_values.h"

using webclean::meta::decode_references;
using webclean::meta::word_count;

TEST_CASE("numeric and the five named references become their characters", "[meta]") {
  CHECK(decode_references("Rock &#8216;n&#x2019; roll") == "Rock \xE2\x80\x98n\xE2\x80\x99 roll");
  CHECK(decode_references("&lt;b&gt; &quot;x&quot; &apos;y&apos; &amp;") == "<b> \"x\" 'y' &");
  CHECK(decode_references("&#128512;") == "\xF0\x9F\x98\x80");
}

TEST_CASE("references are decoded once and invalid ones stay as written", "[meta]") {
  CHECK(decode_references("&amp;amp;") == "&amp;");
  CHECK(decode_references("&#0; &#xD800; &#x110000;") == "&#0; &#xD800; &#x110000;");
  CHECK(decode_references("&nbsp; &copy;") == "&nbsp; &copy;");
  CHECK(decode_references("no references") == "no references");
}

TEST_CASE("words are counted between spaces however many there are", "[meta]") {
  CHECK(word_count("") == 0);
  CHECK(word_count("  Jane   Doe ") == 2);
  CHECK(word_count("Jane\tDoe") == 1);
}
