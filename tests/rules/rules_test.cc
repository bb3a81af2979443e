// The rule file parser and the matching engine, on small hand-written rule
// files (the shipped rules are tested in shipped_rules_test.cc).
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "rules/rules.h"

using webclean::block::Node;
using webclean::rules::Action;
using webclean::rules::Rule;
using webclean::rules::RuleFileError;
using webclean::rules::RuleSet;

namespace {

RuleSet compiled(std::string_view content, std::string_view name = "t.rules") {
  RuleSet rules;
  rules.add_source(name, content);
  rules.compile();
  return rules;
}

// The message of the RuleFileError that parsing `content` throws, or "" if none.
std::string parse_error(std::string_view content, std::string_view name = "t.rules") {
  try {
    RuleSet rules;
    rules.add_source(name, content);
  } catch (const RuleFileError& e) {
    return e.what();
  }
  return "";
}

Node element(std::string tag, std::string id = "", std::string classes = "") {
  Node node;
  node.tag = std::move(tag);
  node.id = std::move(id);
  node.classes = std::move(classes);
  return node;
}

std::string id_of(const Rule* rule) {
  return rule ? rule->id : "none";
}

}  // namespace

TEST_CASE("each kind of malformed rule is reported as name:line: reason", "[rules][parse]") {
  CHECK(parse_error("class foo\n") == "t.rules:1: rule outside any section");
  CHECK(parse_error("# c\n\n[keep]\n") ==
        "t.rules:3: unknown section [keep] (expected drop, protect, ignore, drop-text or post)");
  CHECK(parse_error("[drop]\nklass foo\n") ==
        "t.rules:2: unknown key 'klass' (expected tag, id, class, role, itemprop, attr or hidden)");
  CHECK(parse_error("[drop]\nclass\n") == "t.rules:2: missing pattern");
  CHECK(parse_error("[drop]\nclass    # only a comment\n") == "t.rules:2: missing pattern");
  CHECK(parse_error("[drop]\nattr\n") == "t.rules:2: missing attribute name after 'attr'");
  CHECK(parse_error("[drop]\nattr aria-label\n") == "t.rules:2: missing pattern");
  CHECK(parse_error("[drop]\nhidden yes\n") == "t.rules:2: 'hidden' takes no pattern");
  CHECK(parse_error("[drop site=]\n") == "t.rules:1: empty site= in section header");
  CHECK(parse_error("[drop host=a.com]\n") == "t.rules:1: unknown section option 'host=a.com'");
  CHECK(parse_error("[ignore]\ntag div\n") == "t.rules:2: 'tag' cannot be used in [ignore]");
}

TEST_CASE("an invalid pattern is reported with RE2's own error text", "[rules][parse]") {
  CHECK(parse_error("[drop]\n\nid ^(comments$\n", "x.rules") ==
        "x.rules:3: invalid pattern: missing ): ^(comments$");
  CHECK(parse_error("[drop-text]\nfoo[a-\n") == "t.rules:2: invalid pattern: missing ]: [a-");
}

TEST_CASE("back-references and look-arounds are rejected with the reason", "[rules][parse]") {
  CHECK(parse_error("[drop]\nclass (ab)\\1\n") ==
        "t.rules:2: back-reference \\1 is not supported (RE2 matches in linear time, without "
        "back-references)");
  CHECK(parse_error("[drop-text]\nfoo(?!bar)\n") ==
        "t.rules:2: look-around (?! is not supported by RE2");
}

TEST_CASE("a pattern over 1000 characters is rejected, one of 1000 is accepted", "[rules][parse]") {
  std::string ok(1000, 'a');
  std::string long_one(1001, 'a');
  CHECK(parse_error("[drop]\nclass " + ok + "\n") == "");
  CHECK(parse_error("[drop]\nclass " + long_one + "\n") ==
        "t.rules:2: pattern longer than 1000 characters");
  // Characters, not bytes: 1000 two-byte letters are fine.
  std::string wide;
  for (int i = 0; i < 1000; ++i) wide += "\xC3\xA9";
  CHECK(parse_error("[drop-text]\n" + wide + "\n") == "");
}

TEST_CASE("a ten thousand character pattern and a repetition blowup are refused with a reason",
          "[rules][parse][hostile]") {
  CHECK(parse_error("[drop-text]\n" + std::string(10000, 'x') + "\n") ==
        "t.rules:2: pattern longer than 1000 characters");
  // Nested counted repetitions expand to far more than RE2's program limit.
  const std::string blowup = parse_error("[drop-text]\n((a{100}){100}){100}\n");
  CHECK(blowup.rfind("t.rules:2: ", 0) == 0);
  CHECK(blowup.size() > 11);
}

TEST_CASE("a user's pattern too large to compile is reported when the rules load",
          "[rules][parse][hostile]") {
  const auto load_error = [](std::string_view content) {
    try {
      compiled(content);
    } catch (const RuleFileError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  // Without atoms (compiled with the kind's other such patterns) and with
  // one ("menu"): neither waits for a page to find out.
  CHECK(load_error("[drop]\nclass menu\nclass [\\pL\\pN]{1000}[\\pL\\pN]{1000}\n") ==
        "t.rules:3: pattern too large to compile: pattern too large - compile failed");
  const std::string four = "[\\pL\\pN]{1000}[\\pL\\pN]{1000}[\\pL\\pN]{1000}[\\pL\\pN]{1000}";
  CHECK(load_error("[drop]\nclass menu" + four + "\n") ==
        "t.rules:2: pattern too large to compile: pattern too large - compile failed");
}

TEST_CASE("comments, blank lines and CRLF line ends are ignored", "[rules][parse]") {
  RuleSet rules = compiled(
      "# a whole-line comment\r\n"
      "\r\n"
      "   # an indented comment\n"
      "[drop]   # a comment after a section\n"
      "class ^share$\t# a comment after a tab\n"
      "id ^a#b$   # '#' inside a pattern stays\n"
      "class ^x \\#1$  # and so does an escaped one after a space\n");
  CHECK(rules.size() == 3);
  CHECK(id_of(rules.match_node(element("div", "", "share"), "")) == "t.rules:5");
  CHECK(id_of(rules.match_node(element("div", "a#b"), "")) == "t.rules:6");
  CHECK(rules.match_node(element("div", "", "share#"), "") == nullptr);
  CHECK(rules.match_node(element("div", "a"), "") == nullptr);
  CHECK(rules.match_node(element("div", "", "x #1"), "") == nullptr);  // two tokens, "x" and "#1"
}

TEST_CASE("the rule source is the line without its comment", "[rules][parse]") {
  RuleSet rules = compiled("[drop]\n  class   ^share$   # buttons\n");
  const Rule* rule = rules.match_node(element("div", "", "share"), "");
  REQUIRE(rule);
  CHECK(rule->source == "class   ^share$");
  CHECK(rule->action == Action::kDrop);
  CHECK(rule->site == "");
}

TEST_CASE("a tag rule matches the whole lower-case tag name", "[rules][match]") {
  RuleSet rules = compiled("[drop]\ntag nav|aside\ntag my-ad-.*\n");
  CHECK(id_of(rules.match_node(element("nav"), "")) == "t.rules:2");
  CHECK(id_of(rules.match_node(element("aside"), "")) == "t.rules:2");
  CHECK(id_of(rules.match_node(element("my-ad-slot"), "")) == "t.rules:3");
  CHECK(rules.match_node(element("canvas"), "") == nullptr);  // "nav" inside, not the whole name
  CHECK(rules.match_node(element("navx"), "") == nullptr);
  CHECK(rules.match_node(element("xnav"), "") == nullptr);  // each alternative is anchored too
  CHECK(rules.match_node(element("asides"), "") == nullptr);
  CHECK(rules.match_node(element("div"), "") == nullptr);
}

TEST_CASE("an id rule matches the whole id, unanchored unless the pattern anchors it",
          "[rules][match]") {
  RuleSet rules = compiled("[drop]\nid ^(comments?|disqus_thread)$\nid sidebar\n");
  CHECK(id_of(rules.match_node(element("div", "Comments"), "")) == "t.rules:2");
  CHECK(id_of(rules.match_node(element("div", "disqus_thread"), "")) == "t.rules:2");
  CHECK(id_of(rules.match_node(element("div", "left-Sidebar-2"), "")) == "t.rules:3");
  CHECK(rules.match_node(element("div", "comments-open"), "") == nullptr);
}

TEST_CASE("a class rule is matched against each class token separately", "[rules][match]") {
  RuleSet rules = compiled("[drop]\nclass ^(share|social)(-|$)\n");
  CHECK(id_of(rules.match_node(element("div", "", "post share-buttons"), "")) == "t.rules:2");
  CHECK(id_of(rules.match_node(element("div", "", "a\tSOCIAL\n b"), "")) == "t.rules:2");
  CHECK(rules.match_node(element("div", "", "post-share"), "") == nullptr);
  CHECK(rules.match_node(element("div", "", "shared-content"), "") == nullptr);
  // The whole attribute would match ^share, a token does not.
  CHECK(rules.match_node(element("div", "", "sharex y"), "") == nullptr);
}

TEST_CASE("role and itemprop rules match each token, case-insensitively", "[rules][match]") {
  RuleSet rules =
      compiled("[drop]\nrole ^(navigation|banner)$\n[protect]\nitemprop ^articleBody$\n");
  Node nav = element("div");
  nav.role = "menubar Navigation";
  CHECK(id_of(rules.match_node(nav, "")) == "t.rules:2");
  Node body = element("div");
  body.itemprop = "text ARTICLEBODY";
  const Rule* rule = rules.match_node(body, "");
  REQUIRE(rule);
  CHECK(rule->id == "t.rules:4");
  CHECK(rule->action == Action::kProtect);
}

TEST_CASE("an attr rule matches the value of the named attribute only", "[rules][match]") {
  RuleSet rules =
      compiled("[drop]\nattr aria-label  (?i)^breadcrumbs?$\nattr itemtype /WPAdBlock$\n");
  Node node = element("div");
  node.attrs = {{"title", "Breadcrumbs"}};
  CHECK(rules.match_node(node, "") == nullptr);
  node.attrs.push_back({"Aria-Label", "breadcrumbs"});
  CHECK(id_of(rules.match_node(node, "")) == "t.rules:2");
  Node ad = element("div");
  ad.itemtype = "https://schema.org/WPAdBlock";
  CHECK(id_of(rules.match_node(ad, "")) == "t.rules:3");
}

TEST_CASE("a hidden rule matches only elements flagged hidden", "[rules][match]") {
  RuleSet rules = compiled("[drop]\nhidden\n");
  Node node = element("div");
  CHECK(rules.match_node(node, "") == nullptr);
  node.flags = webclean::block::kHidden;
  CHECK(id_of(rules.match_node(node, "")) == "t.rules:2");
}

TEST_CASE("a protect rule beats every drop rule, else the first drop rule decides",
          "[rules][match]") {
  RuleSet rules = compiled(
      "[drop]\n"
      "class sidebar\n"
      "class aware\n"
      "[protect]\n"
      "class ^article-body$\n");
  CHECK(id_of(rules.match_node(element("div", "", "sidebar-aware"), "")) == "t.rules:2");
  CHECK(id_of(rules.match_node(element("div", "", "article-body sidebar-aware"), "")) ==
        "t.rules:5");
  CHECK(id_of(rules.match_node(element("div", "", "aware sidebar"), "")) == "t.rules:2");
}

TEST_CASE("the first drop rule is the first in load order across files", "[rules][match]") {
  RuleSet rules;
  rules.add_source("a.rules", "[drop]\n\nclass promo\n");
  rules.add_source("b.rules", "[drop]\nclass ^promo-box$\n");
  rules.compile();
  CHECK(rules.size() == 2);
  CHECK(id_of(rules.match_node(element("div", "", "promo-box"), "")) == "a.rules:3");
}

TEST_CASE("an ignore rule hides a class token from drop rules", "[rules][match]") {
  RuleSet rules = compiled(
      "[drop]\n"
      "class (^|-)ads?(-|$)\n"
      "[ignore]\n"
      "class ^tag-\n");
  CHECK(rules.match_node(element("article", "", "post tag-ads"), "") == nullptr);
  CHECK(id_of(rules.match_node(element("article", "", "tag-ads top-ad"), "")) == "t.rules:2");
}

TEST_CASE("an ignored token is still seen by protect rules", "[rules][match]") {
  RuleSet rules = compiled(
      "[drop]\n"
      "class name\n"
      "[protect]\n"
      "class ^field--name-body$\n"
      "[ignore]\n"
      "class --\n");
  CHECK(rules.match_node(element("div", "", "x--name"), "") == nullptr);
  CHECK(id_of(rules.match_node(element("div", "", "field--name-body"), "")) == "t.rules:4");
}

TEST_CASE("ignore rules of one key do not hide the values of another", "[rules][match]") {
  RuleSet rules = compiled("[drop]\nid comments\nclass comments\n[ignore]\nclass ^no-\n");
  CHECK(id_of(rules.match_node(element("div", "no-comments"), "")) == "t.rules:2");
  CHECK(rules.match_node(element("div", "", "no-comments"), "") == nullptr);
}

TEST_CASE("an attr ignore rule hides values of that attribute only", "[rules][match]") {
  RuleSet rules =
      compiled("[drop]\nattr title share\nattr aria-label share\n[ignore]\nattr title ^shared\n");
  Node node = element("div");
  node.attrs = {{"title", "shared files"}};
  CHECK(rules.match_node(node, "") == nullptr);
  node.attrs = {{"title", "share this"}};
  CHECK(id_of(rules.match_node(node, "")) == "t.rules:2");
  node.attrs = {{"aria-label", "shared files"}};
  CHECK(id_of(rules.match_node(node, "")) == "t.rules:3");
}

TEST_CASE("an ignore rule limited to a site ignores only on that site", "[rules][match][site]") {
  RuleSet rules = compiled("[drop]\nclass promo\n[ignore site=a.com]\nclass ^promo-hero$\n");
  CHECK(rules.match_node(element("div", "", "promo-hero"), "www.a.com") == nullptr);
  CHECK(id_of(rules.match_node(element("div", "", "promo-hero"), "b.com")) == "t.rules:2");
}

TEST_CASE("html and body are never dropped by a rule, only protected", "[rules][match]") {
  RuleSet rules = compiled("[drop]\nclass sidebar\n[protect]\nclass ^keep$\n");
  CHECK(rules.match_node(element("body", "", "has-sidebar"), "") == nullptr);
  CHECK(rules.match_node(element("html", "", "sidebar"), "") == nullptr);
  CHECK(id_of(rules.match_node(element("body", "", "keep sidebar"), "")) == "t.rules:4");
  CHECK(id_of(rules.match_node(element("main", "", "has-sidebar"), "")) == "t.rules:2");
}

TEST_CASE("site rules apply to that host and its subdomains only", "[rules][match][site]") {
  RuleSet rules = compiled(
      "[drop site=Example.com]\n"
      "class ^promo-box$\n"
      "[drop-text site=example.com]\n"
      "more from example\n"
      "[drop]\n"
      "class ^share$\n");
  Node promo = element("div", "", "promo-box");
  CHECK(id_of(rules.match_node(promo, "example.com")) == "t.rules:2");
  CHECK(id_of(rules.match_node(promo, "www.EXAMPLE.com")) == "t.rules:2");
  CHECK(id_of(rules.match_node(promo, "a.b.example.com.")) == "t.rules:2");
  CHECK(rules.match_node(promo, "badexample.com") == nullptr);
  CHECK(rules.match_node(promo, "example.com.au") == nullptr);
  CHECK(rules.match_node(promo, "") == nullptr);
  CHECK(id_of(rules.match_node(element("div", "", "share"), "other.org")) == "t.rules:6");
  CHECK(id_of(rules.match_text("More from Example", "news.example.com")) == "t.rules:4");
  CHECK(rules.match_text("More from Example", "example.org") == nullptr);
  const Rule* rule = rules.match_node(promo, "example.com");
  REQUIRE(rule);
  CHECK(rule->site == "example.com");
}

TEST_CASE("a later section without site= applies to all sites again", "[rules][match][site]") {
  RuleSet rules = compiled("[drop site=a.com]\nclass x\n[drop]\nclass y\n");
  CHECK(rules.match_node(element("div", "", "x"), "b.com") == nullptr);
  CHECK(id_of(rules.match_node(element("div", "", "y"), "b.com")) == "t.rules:4");
}

TEST_CASE("a drop-text rule must match the whole trimmed text, in any case",
          "[rules][match][text]") {
  RuleSet rules = compiled(
      "[drop-text]\n"
      "(\\d+ )?comments?\n"
      "skip to:? (main )?content\n"
      "publicité\n");
  CHECK(id_of(rules.match_text("Comments", "")) == "t.rules:2");
  CHECK(id_of(rules.match_text("  12 COMMENTS \n", "")) == "t.rules:2");
  CHECK(id_of(rules.match_text("\xC2\xA0"
                               "comment\xC2\xA0",
                               "")) == "t.rules:2");
  CHECK(id_of(rules.match_text("Skip to: Content", "")) == "t.rules:3");
  CHECK(id_of(rules.match_text("PUBLICITÉ", "")) == "t.rules:4");  // Unicode case folding
  CHECK(rules.match_text("Comments by the minister were brief.", "") == nullptr);
  CHECK(rules.match_text("No comments", "") == nullptr);
  CHECK(rules.match_text("", "") == nullptr);
}

TEST_CASE("a drop-text rule allows decoration around the words but not other words",
          "[rules][match][text]") {
  RuleSet rules = compiled("[drop-text]\nback to top\n\\d+ comments\n");
  CHECK(id_of(rules.match_text("\xC2\xBB Back to top \xE2\x86\x91", "")) ==
        "t.rules:2");  // » ... ↑
  CHECK(id_of(rules.match_text("Back to top.", "")) == "t.rules:2");
  CHECK(id_of(rules.match_text("\xEE\x80\x80 Back to top", "")) == "t.rules:2");  // icon-font glyph
  CHECK(id_of(rules.match_text("(12 comments)", "")) == "t.rules:3");
  CHECK(rules.match_text("Go back to top", "") == nullptr);
  CHECK(rules.match_text("Back to topics", "") == nullptr);
  CHECK(rules.match_text("\xC3\xA9 Back to top", "") == nullptr);  // a letter is not decoration
}

TEST_CASE("an alternation in a drop-text pattern is anchored as a whole", "[rules][match][text]") {
  RuleSet rules = compiled("[drop-text]\nshare|print\n");
  CHECK(id_of(rules.match_text("Print", "")) == "t.rules:2");
  CHECK(rules.match_text("Share prices", "") == nullptr);
  CHECK(rules.match_text("Reprint", "") == nullptr);
}

TEST_CASE("drop-text patterns see across the line breaks of a pre block", "[rules][match][text]") {
  RuleSet rules = compiled("[drop-text]\nwe use cookies.*\n");
  CHECK(id_of(rules.match_text("We use cookies.\nMore in our policy.", "")) == "t.rules:2");
}

TEST_CASE("the first matching drop-text rule is reported", "[rules][match][text]") {
  RuleSet rules = compiled("[drop-text]\nread more.*\n.*more\n");
  CHECK(id_of(rules.match_text("Read more", "")) == "t.rules:2");
  CHECK(id_of(rules.match_text("Tell me more", "")) == "t.rules:3");
}

TEST_CASE("a drop-text pattern opening with .* or .+ matches the same texts as when anchored",
          "[rules][match][text]") {
  // These are searched for apart from the anchored patterns (a matter of
  // speed): the rule order, the decoration around the text and the line
  // breaks of a pre block must not see the difference.
  RuleSet rules = compiled(
      "[drop-text]\n"
      ".*all rights reserved\\.?.*\n"
      ".+ - subscribe now\n"
      ".*\\(ap photo\\)\n"
      "copyright .*\n");
  CHECK(id_of(rules.match_text("(c) 2024 Example. All rights reserved.", "")) == "t.rules:2");
  CHECK(id_of(rules.match_text("Copyright 2024, all rights reserved", "")) == "t.rules:2");
  CHECK(id_of(rules.match_text("Copyright 2024 Example", "")) == "t.rules:5");
  CHECK(id_of(rules.match_text("Our weekly letter - Subscribe now \xE2\x86\x92", "")) ==
        "t.rules:3");
  CHECK(rules.match_text(" - Subscribe now", "") == nullptr);  // .+ needs a character
  CHECK(id_of(rules.match_text("A protester.\nThe square, Monday (AP Photo) \xC2\xBB", "")) ==
        "t.rules:4");
  CHECK(rules.match_text("A protester (AP Photo) in the square", "") == nullptr);
  CHECK(rules.match_text("All rights of the people", "") == nullptr);
}

TEST_CASE("a node with no attributes and a tag no rule names matches nothing", "[rules][match]") {
  RuleSet rules = compiled("[drop]\ntag nav\nid x\nclass y\nrole z\nitemprop w\nattr title v\n");
  CHECK(rules.match_node(element("p"), "example.com") == nullptr);
  CHECK(rules.match_node(element("custom-element"), "") == nullptr);
  CHECK(rules.match_node(Node{}, "") == nullptr);
}

TEST_CASE("an empty or uncompiled rule set matches nothing", "[rules][match]") {
  RuleSet empty = compiled("");
  CHECK(empty.size() == 0);
  CHECK(empty.match_node(element("nav", "comments", "share"), "") == nullptr);
  CHECK(empty.match_text("Comments", "") == nullptr);
  RuleSet uncompiled;
  uncompiled.add_source("u.rules", "[drop]\ntag nav\n");
  CHECK(uncompiled.match_node(element("nav"), "") == nullptr);
}

TEST_CASE("rules added after compile take effect at the next compile", "[rules][match]") {
  RuleSet rules = compiled("[drop]\ntag nav\n");
  rules.add_source("more.rules", "[drop]\ntag aside\n");
  rules.compile();
  CHECK(id_of(rules.match_node(element("nav"), "")) == "t.rules:2");
  CHECK(id_of(rules.match_node(element("aside"), "")) == "more.rules:2");
}

TEST_CASE("a moved rule set keeps its rules", "[rules]") {
  RuleSet original = compiled("[drop]\ntag nav\n");
  RuleSet moved = std::move(original);
  CHECK(id_of(moved.match_node(element("nav"), "")) == "t.rules:2");
}

TEST_CASE("one rule set can be matched from many threads at once", "[rules][threads]") {
  const RuleSet rules = compiled("[drop]\nclass (^|-)share(-|$)\n[drop-text]\nread more\n");
  std::vector<std::thread> threads;
  std::vector<int> hits(4, 0);
  for (size_t t = 0; t < hits.size(); ++t) {
    threads.emplace_back([&rules, &hits, t] {
      for (int i = 0; i < 2000; ++i) {
        Node node = element("div", "", i % 2 ? "post-share" : "post-body");
        if (rules.match_node(node, "") && rules.match_text("Read more", "")) ++hits[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int h : hits) CHECK(h == 1000);
}

TEST_CASE("invalid UTF-8 in texts, values and rule files never crashes", "[rules][robust]") {
  RuleSet rules = compiled("[drop]\nclass share\n[drop-text]\ncomments?\n");
  std::string bad = "\xFF\xFE comments \xC3";
  CHECK(rules.match_text(bad, "") == nullptr);
  CHECK(rules.match_text("comments\xC3", "") == nullptr);
  CHECK(rules.match_node(element("div\xFF", "\xC0\xAF", "share\xFF \xE2\x82"), "\xFF") != nullptr);
  CHECK(rules.match_text(std::string(1 << 20, 'a'), "") == nullptr);

  // Random bytes as a rule file: a RuleFileError or a rule set, nothing else.
  uint32_t seed = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string content = "[drop-text]\n";
    for (int i = 0; i < 40; ++i) {
      seed = seed * 1103515245u + 12345u;
      content += static_cast<char>((seed >> 16) & 0xFF);
    }
    try {
      RuleSet random;
      random.add_source("r.rules", content);
      random.compile();
      random.match_text(content, "");
    } catch (const RuleFileError& e) {
      CHECK(std::string(e.what()).rfind("r.rules:", 0) == 0);
    }
  }
}

TEST_CASE("drop always marks its rules and is refused on other sections", "[rules]") {
  RuleSet rules;
  rules.add_source("t.rules", "[drop always]\nid ^dialog$\n[drop]\nid ^menu$\n");
  rules.compile();
  webclean::block::Node node;
  node.tag = "div";
  node.id = "dialog";
  const webclean::rules::Rule* always = rules.match_node(node, "");
  REQUIRE(always != nullptr);
  CHECK(always->always);
  node.id = "menu";
  const webclean::rules::Rule* plain = rules.match_node(node, "");
  REQUIRE(plain != nullptr);
  CHECK_FALSE(plain->always);
  CHECK(parse_error("[protect always]\n") == "t.rules:1: 'always' applies to [drop] only");
}

TEST_CASE("ends-article marks drop-text rules and is refused on other sections", "[rules]") {
  RuleSet rules;
  rules.add_source("t.rules", "[drop-text ends-article]\n\\d+ comments\n[drop-text]\nshare\n");
  rules.compile();
  const webclean::rules::Rule* heading = rules.match_text("12 Comments", "");
  REQUIRE(heading != nullptr);
  CHECK(heading->ends_article);
  const webclean::rules::Rule* share = rules.match_text("Share", "");
  REQUIRE(share != nullptr);
  CHECK_FALSE(share->ends_article);
  CHECK(parse_error("[drop ends-article]\n") ==
        "t.rules:1: 'ends-article' applies to [drop-text] only");
}

TEST_CASE("a post rule recognises an element without deciding for it", "[rules]") {
  RuleSet rules;
  rules.add_source("t.rules", "[post]\nclass ^bbWrapper$\n[drop]\nclass ^comment$\n");
  rules.compile();
  webclean::block::Node node;
  node.tag = "div";
  node.classes = "bbWrapper";
  const Rule* post = nullptr;
  CHECK(rules.match_node(node, "", nullptr, &post) == nullptr);
  REQUIRE(post != nullptr);
  CHECK(post->action == Action::kPost);
  CHECK(post->id == "t.rules:2");
  node.classes = "comment";
  CHECK(rules.match_node(node, "", nullptr, &post) != nullptr);
  CHECK(post == nullptr);
}

TEST_CASE("type rules apply to pages of that type only, and not when the type is unknown",
          "[rules][match][type]") {
  RuleSet rules = compiled(
      "[drop type=product]\n"
      "class ^reviews-section$\n"
      "[drop-text type=product]\n"
      "write a review\n"
      "[drop]\n"
      "class ^share$\n");
  const Node reviews = element("div", "", "reviews-section");
  using webclean::PageType;
  CHECK(id_of(rules.match_node(reviews, "", nullptr, nullptr, PageType::kProduct)) == "t.rules:2");
  CHECK(rules.match_node(reviews, "", nullptr, nullptr, PageType::kArticle) == nullptr);
  CHECK(rules.match_node(reviews, "") == nullptr);
  CHECK(id_of(rules.match_text("Write a review", "", PageType::kProduct)) == "t.rules:4");
  CHECK(rules.match_text("Write a review", "", PageType::kListing) == nullptr);
  CHECK(id_of(rules.match_node(element("div", "", "share"), "", nullptr, nullptr,
                               PageType::kProduct)) == "t.rules:6");
  const Rule* rule = rules.match_node(reviews, "", nullptr, nullptr, PageType::kProduct);
  REQUIRE(rule);
  CHECK(rule->page_type == PageType::kProduct);
}

TEST_CASE("an unknown page type in a section header is reported", "[rules][parse][type]") {
  CHECK(parse_error("[drop type=shop]\n") == "t.rules:1: unknown page type in 'type=shop'");
  CHECK(parse_error("[drop type=auto]\n") == "t.rules:1: unknown page type in 'type=auto'");
  CHECK(parse_error("[drop site=a.com type=product]\nclass x\n").empty());
}

TEST_CASE("a match cache shared by documents of two sites applies each site's ignore rules",
          "[rules][match][site]") {
  RuleSet rules = compiled("[drop]\nclass promo\n[ignore site=a.com]\nclass promo\n");
  webclean::rules::MatchCache cache;
  const Node box = element("div", "", "promo");
  CHECK(rules.match_node(box, "a.com", &cache) == nullptr);
  CHECK(id_of(rules.match_node(box, "b.com", &cache)) == "t.rules:2");
  CHECK(rules.match_node(box, "a.com", &cache) == nullptr);
}

TEST_CASE("a match cache keeps the values of each attribute apart", "[rules][match]") {
  RuleSet rules = compiled("[post]\nitemprop ^text$\n[drop]\nclass ^sidebar$\nid ^sidebar$\n");
  webclean::rules::MatchCache cache;
  Node by_itemprop = element("div");
  by_itemprop.itemprop = "text";
  const Rule* post = nullptr;
  rules.match_node(by_itemprop, "", &cache, &post);
  CHECK(id_of(post) == "t.rules:2");
  // The same word as a class: no rule names it there.
  rules.match_node(element("div", "", "text"), "", &cache, &post);
  CHECK(post == nullptr);
  CHECK(id_of(rules.match_node(element("div", "", "sidebar"), "", &cache)) == "t.rules:4");
  CHECK(id_of(rules.match_node(element("div", "sidebar"), "", &cache)) == "t.rules:5");
}

TEST_CASE("a rule set answers the same before and after a bulk run switches it to whole sets",
          "[rules][match]") {
  RuleSet rules = compiled(
      "[drop]\nclass ^(?:share|social)(?:-|$)\nclass ^ad$\nid ^sidebar\n"
      "[drop-text]\nshare this\n(?:\\d+ )?comments?\n.*all rights reserved\nad\n");
  const std::vector<std::string> texts = {"Share this", "12 comments",
                                          "» Comments", "© 2024 Example. All rights reserved.",
                                          "Ad",         "A sentence about the shares of a company.",
                                          "about"};
  const std::vector<std::string> classes = {"share-box", "social", "ad", "adult", "shared"};
  const auto answers = [&] {
    std::vector<std::string> out;
    for (const std::string& text : texts) out.push_back(id_of(rules.match_text(text, "")));
    for (const std::string& cls : classes) {
      out.push_back(id_of(rules.match_node(element("div", "", cls), "")));
    }
    out.push_back(id_of(rules.match_node(element("div", "sidebar-left"), "")));
    return out;
  };
  const std::vector<std::string> before = answers();
  CHECK(before[0] == "t.rules:6");
  CHECK(before[4] == "t.rules:9");
  CHECK(before[5] == "none");
  // Past a few thousand matches of a kind, every kind is matched by one set.
  for (int i = 0; i < 3000; ++i) {
    rules.match_text("filler text " + std::to_string(i), "");
    rules.match_node(element("div", "id" + std::to_string(i), "c" + std::to_string(i)), "");
  }
  CHECK(answers() == before);
}
