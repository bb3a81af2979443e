// The one bounded inflate loop under gunzip and HTTP's gzip and deflate
// codings, on data made with real zlib.
#include <catch2/catch.hpp>
#include <string>

#include "source/gzip.h"
#include "source/http.h"
#include "source/inflate.h"
#include "warc_writer.h"

using webclean::source::corrupt_data_message;
using webclean::source::decode_content;
using webclean::source::gunzip;
using webclean::source::inflate_bounded;
using webclean::source::InflateOptions;
using webclean::source::InflateResult;
using webclean::source::InflateStatus;
using webclean::source::kGzipOrZlibWindowBits;
using webclean::source::kRawDeflateWindowBits;
using webclean::source::kZlibWindowBits;
using namespace webclean::testing;

namespace {

constexpr size_t kLimit = size_t{1} << 20;

std::string text(size_t lines, std::string_view tag) {
  std::string out;
  for (size_t i = 0; i < lines; ++i) {
    out += std::string(tag) + " line " + std::to_string(i) + " of some text that compresses.\n";
  }
  return out;
}

// Data that does not compress: each output chunk of zlib is fed anew.
std::string noise(size_t bytes) {
  std::string out(bytes, '\0');
  uint32_t state = 12345;
  for (char& c : out) {
    state = state * 1664525u + 1013904223u;
    c = static_cast<char>(state >> 24);
  }
  return out;
}

const InflateOptions kGzip{kGzipOrZlibWindowBits, /*gzip_members=*/true};

}  // namespace

TEST_CASE("a gzip member made by zlib inflates to the text it was made from", "[source]") {
  const std::string plain = text(2000, "gzip");
  std::string out;
  const InflateResult result = inflate_bounded(gzip_member(plain), kGzip, kLimit, out);
  CHECK(result.ok());
  CHECK(out == plain);
}

TEST_CASE("zlib streams and raw deflate inflate with their window bits", "[source]") {
  const std::string plain = text(500, "deflate");
  std::string out;
  CHECK(inflate_bounded(zlib_stream(plain), InflateOptions{kZlibWindowBits}, kLimit, out).ok());
  CHECK(out == plain);
  out.clear();
  CHECK(
      inflate_bounded(raw_deflate(plain), InflateOptions{kRawDeflateWindowBits}, kLimit, out).ok());
  CHECK(out == plain);
  out.clear();
  // Raw deflate read as a zlib stream has no valid header.
  const InflateResult wrong =
      inflate_bounded(raw_deflate(plain), InflateOptions{kZlibWindowBits}, kLimit, out);
  CHECK(wrong.status == InflateStatus::kCorrupt);
  CHECK_FALSE(wrong.zlib_message.empty());
}

TEST_CASE("output is appended to what the string already holds", "[source]") {
  std::string out = "before:";
  CHECK(inflate_bounded(zlib_stream("after"), InflateOptions{kZlibWindowBits}, kLimit, out).ok());
  CHECK(out == "before:after");
}

TEST_CASE("two gzip members inflate to both texts when members are followed", "[source]") {
  const std::string first = text(300, "first");
  const std::string second = text(300, "second");
  const std::string both = gzip_member(first) + gzip_member(second);
  std::string out;
  CHECK(inflate_bounded(both, kGzip, kLimit, out).ok());
  CHECK(out == first + second);
  // Without gzip_members the first stream's end is the end of the data.
  out.clear();
  CHECK(inflate_bounded(both, InflateOptions{kGzipOrZlibWindowBits}, kLimit, out).ok());
  CHECK(out == first);
}

TEST_CASE("bytes after the last member that start no member are ignored", "[source]") {
  const std::string plain = text(100, "tail");
  std::string out;
  CHECK(inflate_bounded(gzip_member(plain) + "trailing garbage", kGzip, kLimit, out).ok());
  CHECK(out == plain);
}

TEST_CASE("a stream cut off before its end is truncated, in every window", "[source]") {
  const std::string plain = noise(200000);
  for (const int bits : {kGzipOrZlibWindowBits, kZlibWindowBits, kRawDeflateWindowBits}) {
    INFO(bits);
    const std::string packed = deflate_with(plain, bits == kGzipOrZlibWindowBits ? 15 + 16 : bits);
    std::string out;
    const InflateResult result =
        inflate_bounded(packed.substr(0, packed.size() / 2), InflateOptions{bits}, kLimit, out);
    CHECK(result.status == InflateStatus::kTruncated);
    CHECK(corrupt_data_message("gzip", result) == "corrupt gzip data: truncated");
  }
  std::string out;
  CHECK(inflate_bounded("", kGzip, kLimit, out).status == InflateStatus::kTruncated);
}

TEST_CASE("a second member cut off is truncated after the first one's text", "[source]") {
  const std::string second = gzip_member(noise(100000));
  const std::string data = gzip_member("whole") + second.substr(0, second.size() / 2);
  std::string out;
  CHECK(inflate_bounded(data, kGzip, kLimit, out).status == InflateStatus::kTruncated);
}

TEST_CASE("damaged data is corrupt with zlib's reason in the message", "[source]") {
  std::string packed = gzip_member(text(100, "damaged"));
  packed[2] = 7;  // compression method 7: not deflate
  std::string out;
  const InflateResult result = inflate_bounded(packed, kGzip, kLimit, out);
  CHECK(result.status == InflateStatus::kCorrupt);
  CHECK(corrupt_data_message("deflate", result) == "corrupt deflate data: " + result.zlib_message);
}

TEST_CASE("a stream that expands past the cap stops there", "[source]") {
  const std::string zeros(size_t{4} << 20, '0');
  std::string out;
  const InflateResult result = inflate_bounded(gzip_member(zeros), kGzip, kLimit, out);
  CHECK(result.status == InflateStatus::kTooLarge);
  CHECK(out.size() <= kLimit);
  // Exactly at the cap is still fine; one byte under it is not.
  const std::string exact(kLimit, 'x');
  out.clear();
  CHECK(inflate_bounded(gzip_member(exact), kGzip, kLimit, out).ok());
  CHECK(out == exact);
  out.clear();
  CHECK(inflate_bounded(gzip_member(exact), kGzip, kLimit - 1, out).status ==
        InflateStatus::kTooLarge);
}

TEST_CASE("the cap counts what the string held before", "[source]") {
  std::string out(kLimit - 10, 'x');
  CHECK(inflate_bounded(zlib_stream(std::string(11, 'y')), InflateOptions{kZlibWindowBits}, kLimit,
                        out)
            .status == InflateStatus::kTooLarge);
}

TEST_CASE("two members past the cap together stop at the cap", "[source]") {
  const std::string half(kLimit / 2 + 1, 'h');
  std::string out;
  CHECK(inflate_bounded(gzip_member(half) + gzip_member(half), kGzip, kLimit, out).status ==
        InflateStatus::kTooLarge);
}

TEST_CASE("gunzip keeps its messages for truncated and oversized data", "[source]") {
  const std::string packed = gzip_member(noise(200000));
  std::string error;
  CHECK(gunzip(packed.substr(0, packed.size() / 2), kLimit, error).empty());
  CHECK(error == "corrupt gzip data: truncated");
  error.clear();
  CHECK(gunzip(gzip_member(std::string(size_t{2} << 20, '0')), kLimit, error).empty());
  CHECK(error == "gzip data expands beyond the limit of 1048576 bytes");
}

TEST_CASE("HTTP's deflate coding keeps its messages for truncated and oversized data", "[source]") {
  const std::string packed = raw_deflate(noise(200000));
  std::string out, error;
  CHECK_FALSE(decode_content("deflate", packed.substr(0, packed.size() / 2), kLimit, out, error));
  CHECK(error == "corrupt deflate data: truncated");
  error.clear();
  CHECK_FALSE(decode_content("deflate", zlib_stream(std::string(size_t{2} << 20, '0')), kLimit, out,
                             error));
  CHECK(error == "decoded body larger than the limit of 1048576 bytes");
}
