// Inline Markdown for the walk: while the walk lays out a block's plain
// text, InlineMarkup writes the same words as Markdown (escaped, with
// **strong**, *emphasis*, `code` and [links](url)) for Block::markup.
// Only used when markup is asked for; the plain text never depends on it.
#ifndef WEBCLEAN_HTML_MARKUP_H_
#define WEBCLEAN_HTML_MARKUP_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace webclean::html {

enum class Span : uint8_t { kStrong, kEmphasis, kCode, kLink };

class InlineMarkup {
 public:
  // An inline element starts. `url` is a link's target (kLink only).
  // Emphasis and links inside code are not markup in Markdown, and a span
  // inside one of its kind adds nothing: they open nothing. Every open()
  // is matched by a close().
  void open(Span span, std::string url = {});
  void close();
  // A word of the block's text, after a space (`spaced`) or not. Words
  // reach here in the order the plain text gets them.
  void word(std::string_view word, bool spaced);
  // A <br>: the next word starts a new line.
  void line_break();
  // Ends the block: closes the spans open in it (they open again around
  // the next block's words) and hands over its markup.
  std::string take_block();

 private:
  struct Open {
    Span span;
    bool active = true;  // false: opened where it means nothing (in code)
    size_t at = npos;    // where its opening mark goes, once a word is inside
    std::string url;
  };
  static constexpr size_t npos = std::string::npos;

  void finish(const Open& open);

  std::vector<Open> open_;
  std::string out_;
  int code_ = 0;  // open code spans
  bool pending_break_ = false;
};

// `href` resolved against `base` (RFC 3986, section 5.2) when `base` is an
// absolute http(s) URL; else `href` trimmed. Empty for targets that lead
// nowhere outside the page: javascript:, and fragments of the page itself.
std::string link_target(std::string_view base, std::string_view href);

}  // namespace webclean::html

#endif  // WEBCLEAN_HTML_MARKUP_H_
