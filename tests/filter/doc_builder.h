// Test support for the filter and metadata tests: Documents built by hand
// (nodes parents-first, blocks pointing at them), so that the filters are
// tested apart from the HTML parser, with features from a small English
// stop-word list.
#ifndef WEBCLEAN_TESTS_FILTER_DOC_BUILDER_H_
#define WEBCLEAN_TESTS_FILTER_DOC_BUILDER_H_

#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "block/block.h"
#include "block/features.h"
#include "block/stoplists.h"
#include "filter/filter.h"
#include "meta/meta.h"

namespace webclean::testing {

// The most frequent English function words (a subset of jusText's list):
// enough for ordinary prose to reach a stop-word share of 0.4-0.5.
inline const block::Stoplists& english_stoplist() {
  static const block::Stoplists lists = [] {
    block::Stoplists s;
    s.add("en",
          "a\nabout\nafter\nall\nalso\nan\nand\nany\nare\nas\nat\nbe\nbecause\nbeen\nbefore\n"
          "being\nbut\nby\ncan\ncould\ndid\ndo\ndoes\nduring\neach\nfor\nfrom\nhad\nhas\nhave\n"
          "he\nher\nhere\nhim\nhis\nhow\ni\nif\nin\ninto\nis\nit\nits\njust\nmore\nmost\nmy\n"
          "no\nnot\nnow\nof\non\none\nonly\nor\nother\nour\nout\nover\nsaid\nshe\nso\nsome\n"
          "than\nthat\nthe\ntheir\nthem\nthen\nthere\nthese\nthey\nthis\nthose\nthrough\nto\n"
          "too\nunder\nup\nvery\nwas\nwe\nwere\nwhat\nwhen\nwhere\nwhich\nwhile\nwho\nwill\n"
          "with\nwould\nyou\nyour\n");
    return s;
  }();
  return lists;
}

// Builds a Document element by element and block by block.
class DocBuilder {
 public:
  explicit DocBuilder(bool is_html = true) { doc_.is_html = is_html; }

  // Adds an element under `parent` (-1 for the root) and returns its index.
  int32_t node(std::string tag, int32_t parent = -1, std::string classes = "", std::string id = "",
               uint16_t flags = 0) {
    block::Node n;
    n.parent = parent;
    n.tag = std::move(tag);
    n.classes = std::move(classes);
    n.id = std::move(id);
    n.flags = flags;
    n.depth = parent < 0 ? 0 : doc_.nodes[static_cast<size_t>(parent)].depth + 1;
    doc_.nodes.push_back(std::move(n));
    return static_cast<int32_t>(doc_.nodes.size() - 1);
  }

  // Adds a block of `text` in element `node`; `linked` makes all of it link text.
  size_t block(int32_t node, std::string text, block::Kind kind = block::Kind::kParagraph,
               bool linked = false) {
    block::Block b;
    b.text = std::move(text);
    b.node = node;
    b.kind = kind;
    if (kind == block::Kind::kHeading) b.heading_level = 2;
    // compute_features caps link characters at the block's length.
    if (linked) b.link_chars = std::numeric_limits<uint32_t>::max();
    doc_.blocks.push_back(std::move(b));
    return doc_.blocks.size() - 1;
  }

  // An element `tag` under `parent` holding one block of `text`.
  size_t element_with_text(const std::string& tag, int32_t parent, std::string text,
                           bool linked = false, std::string classes = "") {
    const int32_t n = node(tag, parent, std::move(classes));
    block::Kind kind = block::Kind::kParagraph;
    if (tag == "li") kind = block::Kind::kListItem;
    if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
      kind = block::Kind::kHeading;
    }
    return block(n, std::move(text), kind, linked);
  }

  // Computes the features (English) and hands the Document over.
  block::Document build() {
    block::compute_features(doc_, english_stoplist(), "en");
    return std::move(doc_);
  }

 private:
  block::Document doc_;
};

// Whether block `i` of `doc` is kept, after whatever filters ran.
// The metadata step's decision for block `i` in `role`, as the chain takes it.
inline void drop_as_metadata(block::Document& doc, size_t i, meta::BodyRole role) {
  meta::BodyRoles roles(doc.blocks.size(), meta::BodyRole::kText);
  roles[i] = role;
  filter::drop_metadata_blocks(doc, roles);
}

inline bool kept(const block::Document& doc, size_t i) {
  return doc.blocks[i].decision.keep;
}

// Paragraphs of ordinary news prose, long (over 200 characters), rich in
// stop words and commas: what every filter should take for article text.
inline std::string prose(int i) {
  static const char* const kParagraphs[] = {
      "The council said on Tuesday that the new bridge, which has been delayed for more than "
      "two years, would open to traffic in the spring, and that the cost of the work had "
      "risen by a third since it was first planned.",
      "Residents who live near the river told reporters that they had waited for the bridge "
      "for a long time, and that the old crossing, which is narrow and often closed, was no "
      "longer safe for the buses that carry their children to school.",
      "According to the report, the engineers found that the ground on the east bank was "
      "softer than they had expected, so the foundations had to be dug deeper, and the work "
      "was stopped twice while the plans were changed.",
      "The mayor, who has made the project one of the main themes of her term, said that she "
      "was sorry for the delay but that the city would not open a bridge that was not safe, "
      "whatever the cost of waiting might be.",
      "Some members of the opposition have called for an inquiry into how the budget was set, "
      "and they said that the council should publish all of the letters it has received from "
      "the builders since the work began.",
      "When it opens, the bridge will carry two lanes of traffic in each direction, as well "
      "as a path for those who walk or ride a bicycle, and it is expected to cut the time of "
      "the trip into the city by half.",
  };
  return kParagraphs[static_cast<size_t>(i) % 6];
}

}  // namespace webclean::testing

#endif  // WEBCLEAN_TESTS_FILTER_DOC_BUILDER_H_
