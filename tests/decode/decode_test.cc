// Tests of the Decode stage: charset evidence (BOM, declaration, <meta>,
// detection), contradictions between declaration and bytes, repair of bad
// UTF-8, NFC, binary input, and robustness on arbitrary bytes.
#include "decode/decode.h"

#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>

using webclean::decode::charset_from_content_type;
using webclean::decode::Decoded;
using webclean::decode::to_utf8;

namespace {

using namespace std::string_literals;

const std::string kReplacement = "\xEF\xBF\xBD";

// Valid UTF-8 survives a round trip through ICU's UTF-16 unchanged; any
// ill-formed sequence would come back as U+FFFD.
bool is_valid_utf8(const std::string& text) {
  std::string round_trip;
  icu::UnicodeString::fromUTF8(text).toUTF8String(round_trip);
  return round_trip == text;
}

size_t count_of(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
    ++count;
  }
  return count;
}

std::string utf16le(const std::string& ascii) {
  std::string out;
  for (char c : ascii) out += std::string{c, '\0'};
  return out;
}

std::string utf16be(const std::string& ascii) {
  std::string out;
  for (char c : ascii) out += std::string{'\0', c};
  return out;
}

Decoded decode_html(const std::string& bytes) {
  return to_utf8(bytes, "", true);
}

// "Zażółć gęślą jaźń" in windows-1250, and in UTF-8.
const std::string kPolish1250 = "Za\xBF\xF3\xB3\xE6 g\xEA\x9Cl\xB9 ja\x9F\xF1";
const std::string kPolish = "Zażółć gęślą jaźń";

}  // namespace

TEST_CASE("empty input decodes to empty text without an error") {
  const Decoded d = to_utf8("", "", true);
  CHECK(d.text.empty());
  CHECK(d.error.empty());
}

TEST_CASE("plain ASCII comes back unchanged as UTF-8") {
  const Decoded d = to_utf8("<p>Hello, world.</p>\n", "", true);
  CHECK(d.text == "<p>Hello, world.</p>\n");
  CHECK(d.charset == "UTF-8");
  CHECK(d.error.empty());
}

TEST_CASE("a UTF-8 byte-order mark is stripped and wins over a declaration") {
  const Decoded d = to_utf8(
      "\xEF\xBB\xBFgr\xC3\xBC\xC3\x9F"
      "e",
      "windows-1252", true);
  CHECK(d.text == "grüße");
  CHECK(d.charset == "UTF-8");
}

TEST_CASE("UTF-16 byte-order marks select the byte order") {
  const Decoded le = to_utf8("\xFF\xFE"s + utf16le("Hi <b>there</b>"), "", true);
  CHECK(le.text == "Hi <b>there</b>");
  CHECK(le.charset == "UTF-16LE");
  const Decoded be = to_utf8("\xFE\xFF"s + utf16be("Hi") + "\x00\xE9"s, "", true);
  CHECK(be.text == "Hié");
  CHECK(be.charset == "UTF-16BE");
}

TEST_CASE("a UTF-32 byte-order mark is not mistaken for UTF-16") {
  const std::string bytes = "\xFF\xFE\0\0"s + "O\0\0\0"s + "K\0\0\0"s + "\x00\xF6\x01\x00"s;
  const Decoded d = to_utf8(bytes, "", false);
  CHECK(d.text == "OK\xF0\x9F\x98\x80");  // U+1F600
  CHECK(d.charset == "UTF-32LE");
}

TEST_CASE("a byte-order mark overrides a contradicting meta charset") {
  const Decoded d = decode_html("\xEF\xBB\xBF<meta charset=\"windows-1250\"><p>\xC4\x85</p>");
  CHECK(d.text == "<meta charset=\"windows-1250\"><p>ą</p>");
}

TEST_CASE("an HTTP-declared latin-1 page is decoded as windows-1252, as browsers do") {
  const Decoded d = to_utf8("caf\xE9 \x93quoted\x94 na\xEFve", "ISO-8859-1", false);
  CHECK(d.text == "café “quoted” naïve");
  CHECK(d.charset == "windows-1252");
}

TEST_CASE("a declared windows-1250 page decodes Polish letters") {
  const Decoded d = to_utf8("<p>" + kPolish1250 + "</p>", "windows-1250", false);
  CHECK(d.text == "<p>" + kPolish + "</p>");
  CHECK(d.charset == "windows-1250");
}

TEST_CASE("meta charset is found in all its spellings") {
  const std::string body = "<p>" + kPolish1250 + "</p>";
  const auto spelling =
      GENERATE(as<std::string>{}, "<meta charset=\"windows-1250\">",
               "<meta charset='windows-1250'>", "<meta charset=windows-1250>",
               "<META CHARSET=WINDOWS-1250>", "<meta\ncharset = \"windows-1250\"/>",
               "<meta http-equiv=\"Content-Type\" "
               "content=\"text/html; charset=windows-1250\">",
               "<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=cp1250'>",
               "<meta content=\"text/html; charset='windows-1250'\" "
               "http-equiv=\"Content-Type\">");
  const Decoded d = decode_html("<html><head>" + spelling + "</head>" + body);
  INFO(spelling);
  CHECK(d.charset == "windows-1250");
  CHECK(d.text.find(kPolish) != std::string::npos);
}

TEST_CASE("meta charset is not looked for when the caller says the input is not HTML") {
  const std::string page = "<meta charset=\"windows-1251\">\xCF\xF0\xE8\xE2\xE5\xF2";
  CHECK(to_utf8(page, "", true).text.find("Привет") != std::string::npos);
  CHECK(to_utf8(page, "", false).text.find("Привет") == std::string::npos);
}

TEST_CASE("a meta charset inside a comment or an attribute value is ignored") {
  const std::string text = "<p>\xCF\xF0\xE8\xE2\xE5\xF2</p>";  // "Привет" in windows-1251
  const Decoded commented = decode_html("<!-- <meta charset=windows-1251> -->" + text);
  CHECK(commented.charset != "windows-1251");
  const Decoded quoted = decode_html("<div title='<meta charset=windows-1251>'>" + text);
  CHECK(quoted.charset != "windows-1251");
  const Decoded real = decode_html("<!-- x --><div title='>'><meta charset=windows-1251>" + text);
  CHECK(real.charset == "windows-1251");
  CHECK(real.text.find("Привет") != std::string::npos);
}

TEST_CASE("content with a charset counts only together with http-equiv") {
  const Decoded d = decode_html("<meta name=x content=\"charset=windows-1251\"><p>\xCF\xF0</p>");
  CHECK(d.charset != "windows-1251");
}

TEST_CASE("a meta charset after the first 4 KB is not seen") {
  const std::string padding = "<p>" + std::string(5000, 'a') + "</p>";
  const Decoded d = decode_html(padding + "<meta charset=windows-1250>" + kPolish1250);
  CHECK(d.charset != "windows-1250");
}

TEST_CASE("the HTTP declaration takes precedence over the meta charset") {
  const std::string page = "<meta charset=windows-1250><p>\xCF\xF0\xE8\xE2\xE5\xF2</p>";
  const Decoded d = to_utf8(page, "windows-1251", true);
  CHECK(d.charset == "windows-1251");
  CHECK(d.text.find("Привет") != std::string::npos);
}

TEST_CASE("a page declaring gb2312 whose bytes are UTF-8 decodes as UTF-8") {
  const std::string page = "<meta charset=gb2312><title>腾讯网</title><p>中文新闻</p>";
  const Decoded from_meta = decode_html(page);
  CHECK(from_meta.text == page);
  CHECK(from_meta.charset == "UTF-8");
  const Decoded from_http = to_utf8(page, "gb2312", true);
  CHECK(from_http.text == page);
  CHECK(from_http.charset == "UTF-8");
}

TEST_CASE("a UTF-8 page declaring gb2312 stays UTF-8 despite one stray byte") {
  std::string page = "<meta charset=gb2312>";
  for (int i = 0; i < 5; ++i) page += "<p>中文新闻，今天的天气很好。</p>";
  const Decoded d = decode_html(page + "\xFF<p>结束</p>");
  CHECK(d.charset == "UTF-8");
  CHECK(d.text == page + kReplacement + "<p>结束</p>");
}

TEST_CASE("a page declaring gb2312 with GB bytes decodes with GB18030") {
  CHECK(to_utf8("<p>\xD6\xD0\xCE\xC4</p>", "gb2312", false).text == "<p>中文</p>");
  // Some GB2312 pairs happen to be valid UTF-8 ("\xC3\xC7"): no contradiction.
  std::string page = "<meta charset=gb2312>";
  for (int i = 0; i < 20; ++i) {
    page +=
        "<p>\xD6\xD0\xCE\xC4\xD0\xC2\xCE\xC5\xA3\xAC\xBD\xF1\xCC\xEC\xB5\xC4\xCC\xEC\xC6\xF8"
        "\xBA\xDC\xBA\xC3\xA1\xA3\xCE\xD2\xC3\xC7\xD4\xDA\xB1\xB1\xBE\xA9\xBC\xFB\xC3\xE6\xB0"
        "\xC9\xA1\xA3</p>";
  }
  const Decoded d = decode_html(page);
  CHECK(d.charset == "GB18030");
  CHECK(d.text.find("<p>中文新闻，今天的天气很好。我们在北京见面吧。</p>") != std::string::npos);
  SECTION("and without the declaration, detection finds it") {
    const Decoded detected = to_utf8(page.substr(page.find('>') + 1), "", true);
    CHECK(detected.charset == "GB18030");
    CHECK(detected.text.find("我们在北京见面吧") != std::string::npos);
  }
}

TEST_CASE("common charset aliases map onto the converter browsers use") {
  CHECK(to_utf8("\x82\xB1\x82\xF1\x82\xC9\x82\xBF\x82\xCD", "x-sjis", false).text == "こんにちは");
  CHECK(to_utf8("\x82\xB1\x82\xF1", "x-sjis", false).charset == "Shift_JIS");
  CHECK(to_utf8("\xD6\xD0", "GBK", false).charset == "GB18030");
  CHECK(to_utf8("a\xE9", "latin1", false).charset == "windows-1252");
  CHECK(to_utf8("a\xE9", "US-ASCII", false).text == "aé");
  CHECK(to_utf8("a\xB1", " \"ISO8859-2\" ", false).text == "aą");
  CHECK(to_utf8("a\xB1", "iso8859-2", false).charset == "ISO-8859-2");
}

TEST_CASE("a long legacy text that grows threefold in UTF-8 converts completely") {
  const Decoded d = to_utf8(std::string(3000, '\x80') + "end", "windows-1252", false);
  CHECK(d.text.size() == 3000 * 3 + 3);
  CHECK(count_of(d.text, "€") == 3000);
  CHECK(d.text.ends_with("€end"));
}

TEST_CASE("a whole Content-Type value passed as the declaration still counts") {
  CHECK(to_utf8("caf\xE9", "text/html; charset=ISO-8859-1", false).text == "café");
}

TEST_CASE("declared UTF-16 without BOM or ASCII is decoded, not called binary") {
  // "中文" repeated: U+4E2D U+6587; the low bytes 0x2D/0x87 are no controls,
  // so add U+4E01 and U+4E03 whose low bytes are.
  std::string bytes;
  for (int i = 0; i < 50; ++i) bytes += "\x2D\x4E\x87\x65\x01\x4E\x03\x4E";
  const Decoded d = to_utf8(bytes, "utf-16le", false);
  CHECK(d.error.empty());
  CHECK(d.text.starts_with("中文丁七"));
  CHECK(to_utf8(bytes, "", false).error == "binary data (control bytes)");
}

TEST_CASE("an unknown declared charset is ignored") {
  const Decoded d = to_utf8(
      "gr\xC3\xBC\xC3\x9F"
      "e",
      "x-no-such-charset", true);
  CHECK(d.text == "grüße");
  CHECK(d.charset == "UTF-8");
}

TEST_CASE("an all-ASCII page keeps its declared charset name and its bytes") {
  const Decoded d = to_utf8("<p>plain text</p>", "windows-1250", false);
  CHECK(d.text == "<p>plain text</p>");
  CHECK(d.charset == "windows-1250");
}

TEST_CASE("a page declared UTF-8 with a few invalid bytes stays UTF-8 with replacements") {
  const std::string page = "Grüße aus Köln, schöne Tage in München. Stray \xFF here, \x80 there.";
  const Decoded d = to_utf8(page, "utf-8", true);
  CHECK(d.charset == "UTF-8");
  CHECK(count_of(d.text, kReplacement) == 2);
  CHECK(d.text.find("schöne Tage in München") != std::string::npos);
  CHECK(is_valid_utf8(d.text));
}

TEST_CASE("a page declared UTF-8 whose bytes are mostly invalid is decoded by detection") {
  std::string page;
  for (int i = 0; i < 20; ++i)
    page +=
        "Gr\xFC\xDF"
        "e aus K\xF6ln und M\xFCnchen. ";
  const Decoded d = to_utf8(page, "UTF-8", true);
  CHECK(d.charset != "UTF-8");
  CHECK(d.text.find("Grüße aus Köln und München.") != std::string::npos);
  CHECK(d.text.find(kReplacement) == std::string::npos);
}

TEST_CASE("a false UTF-8 declaration gives way to the page's meta charset") {
  const Decoded d = to_utf8("<meta charset=windows-1250><p>" + kPolish1250 + "</p>", "UTF-8", true);
  CHECK(d.charset == "windows-1250");
  CHECK(d.text.find(kPolish) != std::string::npos);
}

TEST_CASE("undeclared latin-1 text is detected") {
  const std::string page =
      "Die Stra\xDF"
      "enbahn f\xE4hrt heute nicht \xFC"
      "ber die Br\xFC"
      "cke, weil die "
      "Bauarbeiten l\xE4nger dauern als geplant. Fahrg\xE4ste m\xFCssen auf Busse "
      "ausweichen, die alle zehn Minuten am Hauptbahnhof abfahren. Gr\xF6\xDF"
      "ere "
      "Versp\xE4tungen sind nicht zu erwarten, hei\xDF"
      "t es bei den Verkehrsbetrieben.";
  const Decoded d = to_utf8(page, "", true);
  CHECK(d.charset == "windows-1252");
  CHECK(d.text.find("Straßenbahn fährt heute nicht über die Brücke") != std::string::npos);
  CHECK(d.text.find("Größere Verspätungen") != std::string::npos);
}

TEST_CASE("a short undeclared latin-1 word is not taken for truncated UTF-8") {
  const Decoded d = to_utf8("caf\xE9", "", false);
  CHECK(d.text == "café");
}

TEST_CASE("undeclared Shift_JIS text is detected") {
  std::string page;
  for (int i = 0; i < 10; ++i) {
    // "今日は良い天気です。東京の桜が咲きました。"
    page +=
        "\x8D\xA1\x93\xFA\x82\xCD\x97\xC7\x82\xA2\x93\x56\x8B\x43\x82\xC5\x82\xB7\x81\x42"
        "\x93\x8C\x8B\x9E\x82\xCC\x8D\xF7\x82\xAA\x8D\xE7\x82\xAB\x82\xDC\x82\xB5\x82\xBD\x81\x42";
  }
  const Decoded d = to_utf8(page, "", false);
  CHECK(d.charset == "Shift_JIS");
  CHECK(d.text.find("東京の桜が咲きました。") != std::string::npos);
}

TEST_CASE("undeclared ISO-2022-JP is recognised by its escape sequences") {
  std::string page;
  for (int i = 0; i < 5; ++i) page += "\x1B$B$3$s$K$A$O!\"@$3&!#\x1B(B hello\n";
  const Decoded d = to_utf8(page, "", false);
  CHECK(d.charset == "ISO-2022-JP");
  CHECK(d.text.find("こんにちは") != std::string::npos);
  CHECK(d.text.find('\x1B') == std::string::npos);
}

TEST_CASE("decomposed text is normalised to NFC") {
  const Decoded d = to_utf8("Mu\xCC\x88nchen, Ame\xCC\x81lie", "", false);
  CHECK(d.text == "München, Amélie");
  CHECK(d.text.size() == std::string("München, Amélie").size());
}

TEST_CASE("text converted from a legacy charset is normalised to NFC too") {
  // windows-1258 (Vietnamese) writes some accents as combining marks:
  // e-circumflex + combining dot below is U+1EC7 in NFC.
  const Decoded d = to_utf8("Vi\xEA\xF2t Nam", "windows-1258", false);
  CHECK(d.text == "Vi\xE1\xBB\x87t Nam");
}

TEST_CASE("UTF-16LE without a byte-order mark is decoded, not called binary") {
  const Decoded d = to_utf8(utf16le("<html><body><p>Hello, world.</p></body></html>"), "", true);
  CHECK(d.error.empty());
  CHECK(d.charset == "UTF-16LE");
  CHECK(d.text == "<html><body><p>Hello, world.</p></body></html>");
}

TEST_CASE("UTF-16BE without a byte-order mark is decoded") {
  const Decoded d = to_utf8(utf16be("plain text in big endian") + "\x00\xFC"s, "", false);
  CHECK(d.charset == "UTF-16BE");
  CHECK(d.text == "plain text in big endianü");
}

TEST_CASE("binary formats are reported by their magic number") {
  const Decoded png = to_utf8("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10"s, "", true);
  CHECK(png.text.empty());
  CHECK(png.error == "binary data (PNG image)");
  CHECK(to_utf8("\xFF\xD8\xFF\xE0\0\x10JFIF"s, "", true).error == "binary data (JPEG image)");
  CHECK(to_utf8("%PDF-1.7\n%\xE2\xE3\xCF\xD3", "", true).error == "binary data (PDF document)");
  CHECK(to_utf8("\x1F\x8B\x08\0\0\0\0\0"s, "utf-8", true).error == "binary data (gzip data)");
  CHECK(to_utf8("PK\x03\x04\x14\0"s, "", true).error == "binary data (ZIP archive)");
}

TEST_CASE("bytes full of control characters are binary") {
  std::mt19937 random(7);
  std::string bytes;
  for (int i = 0; i < 4000; ++i) bytes += static_cast<char>(random() & 0xFF);
  const Decoded d = to_utf8(bytes, "", true);
  CHECK(d.text.empty());
  CHECK(d.error == "binary data (control bytes)");
}

TEST_CASE("stray NUL bytes in text are removed without an error") {
  const Decoded d = to_utf8(
      "Hello\0 wor\0ld, gr\xC3\xBC\xC3\x9F"
      "e\0"s,
      "", true);
  CHECK(d.error.empty());
  CHECK(d.text == "Hello world, grüße");
  const Decoded legacy = to_utf8("caf\xE9\0 au lait"s, "windows-1252", false);
  CHECK(legacy.text == "café au lait");
}

TEST_CASE("a multibyte sequence cut off at the end becomes one replacement character") {
  const Decoded d = to_utf8("Grüße aus Köln \xE2\x82", "", true);
  CHECK(d.charset == "UTF-8");
  CHECK(d.text == "Grüße aus Köln " + kReplacement);
}

TEST_CASE(
    "overlong forms, surrogates and out-of-range sequences are replaced per maximal subpart") {
  // The BOM fixes UTF-8, so only the replacement is under test.
  const Decoded d = to_utf8(
      "\xEF\xBB\xBF"
      "a\xC0\xAF b\xED\xA0\x80 c\xF4\x90\x80\x80 d",
      "", false);
  const std::string& r = kReplacement;
  CHECK(d.charset == "UTF-8");
  CHECK(d.text == "a" + r + r + " b" + r + r + r + " c" + r + r + r + r + " d");
}

TEST_CASE("arbitrary bytes never crash and always give valid UTF-8 or an error") {
  std::mt19937 random(42);
  for (int round = 0; round < 300; ++round) {
    std::string bytes;
    const size_t length = random() % 200;
    const unsigned mask = round % 3 == 0 ? 0xFF : (round % 3 == 1 ? 0x7F : 0xFF);
    for (size_t i = 0; i < length; ++i) {
      const unsigned b = random() & mask;
      bytes += static_cast<char>(round % 3 == 2 && b < 0x80 ? b | 0x40 : b);
    }
    const char* declared[] = {"", "utf-8", "gb2312", "utf-16", "iso-2022-jp", "windows-1252"};
    const Decoded d = to_utf8(bytes, declared[round % 6], true);
    INFO("round " << round);
    CHECK(is_valid_utf8(d.text));
    CHECK(d.text.find('\0') == std::string::npos);
    CHECK((d.error.empty() || d.text.empty()));
  }
}

TEST_CASE("every prefix of a page in each charset decodes to valid UTF-8") {
  const std::string pages[] = {"\xEF\xBB\xBF<p>Grüße 中文 😀</p>", "\xFF\xFE" + utf16le("<p>hi</p>"),
                               "<meta charset=gbk>\xD6\xD0\xCE\xC4", "x\x82\xB1\x82\xF1\x82"};
  for (const std::string& page : pages) {
    for (size_t n = 0; n <= page.size(); ++n) {
      const Decoded d = to_utf8(page.substr(0, n), "", true);
      INFO(n);
      CHECK(is_valid_utf8(d.text));
    }
  }
}

TEST_CASE("charset_from_content_type handles quotes, spaces and case") {
  CHECK(charset_from_content_type("text/html; charset=\"ISO-8859-1\"") == "ISO-8859-1");
  CHECK(charset_from_content_type("text/html;charset=utf-8") == "utf-8");
  CHECK(charset_from_content_type("text/html; CHARSET = 'Windows-1250' ; x=y") == "Windows-1250");
  CHECK(charset_from_content_type("text/plain; format=flowed; charset=koi8-r") == "koi8-r");
  CHECK(charset_from_content_type("text/html").empty());
  CHECK(charset_from_content_type("").empty());
  CHECK(charset_from_content_type("text/html; charset=").empty());
  CHECK(charset_from_content_type("text/html; charset=\"unterminated").empty());
}
