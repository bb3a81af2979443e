// The rules filter. A node is dropped when it or an ancestor matches a
// drop rule and no node from there down to it (itself included) matches a
// protect rule: protection restores a subtree, drops below it still apply.
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "filter/filter.h"
#include "filter/params.h"

namespace webclean::filter {
namespace {

using block::Decision;
using block::Stage;

// Characters of text below each node (its own blocks and its subtree's);
// with `links`, of link text.
std::vector<uint32_t> subtree_chars(const block::Document& doc, bool links = false) {
  std::vector<uint32_t> chars(doc.nodes.size(), 0);
  for (const block::Block& b : doc.blocks) {
    if (b.node >= 0)
      chars[static_cast<size_t>(b.node)] += links ? b.features.link_chars : b.features.chars;
  }
  for (size_t i = doc.nodes.size(); i-- > 0;) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0) chars[static_cast<size_t>(parent)] += chars[i];
  }
  return chars;
}

// Page types whose boxes of prose are kept whatever their class names
// (see dropping_rules). Not listings and collections: their text is the
// list, and a box of prose their rules drop is chrome (on the tuning half
// of wcxb-dev mostly the cookie-consent texts and ad notices); keeping
// such boxes cost listing pages 0.006 and collection pages 0.006 there.
bool shows_prose_boxes(PageType type) {
  return type == PageType::kService || type == PageType::kDocumentation;
}

bool is_text_panel(uint32_t chars, uint32_t link_chars, PageType type) {
  const uint32_t min_chars = type == PageType::kProduct   ? params::kProductPanelMinChars
                             : type == PageType::kService ? params::kServicePanelMinChars
                                                          : params::kPanelMinChars;
  return chars >= min_chars && float(link_chars) <= float(chars) * params::kPanelMaxLinkDensity;
}

bool is_prose_box(const rules::Rule& rule, uint32_t chars, uint32_t link_chars) {
  // Tags and roles name what a box is; so do the rules of related.rules
  // and the class rules of consent.rules: a list of other pages' teasers,
  // a cookie dialog's purposes, are prose, and never this page's text. (An
  // id is a section's anchor on a manual: Sphinx's "cookies" section.)
  if (rule.source.compare(0, 4, "tag ") == 0 || rule.source.compare(0, 5, "role ") == 0 ||
      rule.id.find("related.rules:") != std::string::npos ||
      (rule.id.find("consent.rules:") != std::string::npos &&
       rule.source.compare(0, 6, "class ") == 0)) {
    return false;
  }
  return chars >= params::kShownProseChars &&
         float(link_chars) <= float(chars) * params::kShownProseLinkDensity;
}

bool is_reply_box_on_forum(PageType type, const rules::Rule& rule) {
  return type == PageType::kForum && rule.action == rules::Action::kDrop && !rule.always &&
         rule.id.find("comments.rules:") != std::string::npos;
}

// A <header> inside an article is the article's own header: its lead,
// standfirst and byline, not the site's banner (HTML's sectioning rules).
bool is_article_header(const block::Document& doc, const block::Node& node) {
  if (node.tag != "header") return false;
  for (int32_t up = node.parent; up >= 0; up = doc.nodes[static_cast<size_t>(up)].parent) {
    const block::Node& a = doc.nodes[static_cast<size_t>(up)];
    if (a.flags & (block::kArticle | block::kArticleBody | block::kMain)) return true;
  }
  return false;
}

// What the rules say of one element: the deciding drop or protect rule,
// and the [post] rule that recognises it as a post.
struct NodeRules {
  const rules::Rule* decides = nullptr;
  const rules::Rule* post = nullptr;
};

// Pages repeat the same elements (menu items, cards, list entries): the
// rule for one combination of tag and attributes is looked up once.
class NodeRuleCache {
 public:
  NodeRuleCache(const rules::RuleSet& rules, std::string_view host, PageType page_type,
                rules::MatchCache* values)
      : rules_(rules),
        host_(host),
        page_type_(page_type),
        values_(values != nullptr ? values : &own_values_) {}

  NodeRules match(const block::Node& node) {
    NodeRules found;
    if (node.id.empty() && node.classes.empty() && node.role.empty() && node.itemprop.empty() &&
        node.attrs.empty()) {
      // the engine's fast path: no attributes
      found.decides = rules_.match_node(node, host_, values_, &found.post, page_type_);
      return found;
    }
    key_.clear();
    for (const std::string* field :
         {&node.tag, &node.id, &node.classes, &node.role, &node.itemprop, &node.itemtype}) {
      key_ += *field;
      key_ += '\x1f';
    }
    for (const auto& [name, value] : node.attrs) key_ += name + '=' + value + '\x1f';
    key_ += static_cast<char>('0' + (node.flags & block::kHidden));
    auto [it, inserted] = cache_.try_emplace(key_);
    if (inserted) {
      it->second.decides = rules_.match_node(node, host_, values_, &it->second.post, page_type_);
    }
    return it->second;
  }

 private:
  const rules::RuleSet& rules_;
  std::string_view host_;
  PageType page_type_;
  std::string key_;
  std::unordered_map<std::string, NodeRules> cache_;
  rules::MatchCache own_values_;
  rules::MatchCache* values_;
};

// A thread: the outermost elements [post] rules recognise (not hidden),
// when there are enough of them and they hold enough of the page's text
// (params::kThreadMinPosts, kThreadMinPostShare), not counting the text of
// [drop always] boxes (a consent dialog is no part of any page's text). Fills doc.post_roots and
// doc.thread_reason, and returns, for each node, whether it is a post root.
std::vector<bool> find_thread(block::Document& doc, const std::vector<NodeRules>& matched,
                              const std::vector<uint32_t>& chars, uint64_t total) {
  std::vector<bool> in_post(doc.nodes.size(), false);
  std::vector<int32_t> roots;
  std::vector<bool> in_always(doc.nodes.size(), false);
  uint64_t post_chars = 0;
  uint64_t always_chars = 0;
  const rules::Rule* first = nullptr;
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const block::Node& node = doc.nodes[i];
    const bool parent_in = node.parent >= 0 && in_post[static_cast<size_t>(node.parent)];
    const bool parent_always = node.parent >= 0 && in_always[static_cast<size_t>(node.parent)];
    in_always[i] = parent_always;
    const rules::Rule* decides = matched[i].decides;
    if (!parent_always && decides != nullptr && decides->always) {
      in_always[i] = true;
      always_chars += chars[i];
      continue;
    }
    if (parent_always) continue;
    in_post[i] = parent_in;
    if (parent_in || matched[i].post == nullptr || (node.flags & block::kHidden)) continue;
    in_post[i] = true;
    roots.push_back(static_cast<int32_t>(i));
    post_chars += chars[i];
    if (first == nullptr) first = matched[i].post;
  }
  std::vector<bool> is_root(doc.nodes.size(), false);
  total = total > always_chars ? total - always_chars : 0;
  if (roots.size() < params::kThreadMinPosts ||
      float(post_chars) < float(total) * params::kThreadMinPostShare) {
    return is_root;
  }
  for (int32_t r : roots) is_root[static_cast<size_t>(r)] = true;
  char reason[160];
  std::snprintf(reason, sizeof reason,
                "a thread: %zu posts hold %.0f%% of the text (kThreadMinPosts %zu, "
                "kThreadMinPostShare %.2f; first post by ",
                roots.size(), total ? 100.0 * double(post_chars) / double(total) : 0.0,
                params::kThreadMinPosts, double(params::kThreadMinPostShare));
  doc.thread_reason = reason + first->id + " " + first->source + ")";
  doc.post_roots = std::move(roots);
  return is_root;
}

// For each node, the drop rule that removes it, or nullptr.
// With `show_panels`, boxes of prose are shown whatever the page type (see
// apply_rules).
std::vector<const rules::Rule*> dropping_rules(block::Document& doc, const rules::RuleSet& rules,
                                               std::string_view host, rules::MatchCache* values,
                                               bool show_panels) {
  const std::vector<uint32_t> chars = subtree_chars(doc);
  const bool prose_boxes = show_panels || shows_prose_boxes(doc.page_type);
  const std::vector<uint32_t> link_chars = subtree_chars(doc, true);
  uint32_t total = 0;
  for (const block::Block& b : doc.blocks) total += b.features.chars;
  NodeRuleCache cache(rules, host, doc.page_type, values);
  std::vector<NodeRules> matched(doc.nodes.size());
  for (size_t i = 0; i < doc.nodes.size(); ++i) matched[i] = cache.match(doc.nodes[i]);
  // In a thread, a post is protected: its text stays whatever its
  // ancestors' classes say ("comment", "reply"); drops inside it still apply.
  const std::vector<bool> post_root = find_thread(doc, matched, chars, total);
  std::vector<const rules::Rule*> dropped_by(doc.nodes.size(), nullptr);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const block::Node& node = doc.nodes[i];
    const rules::Rule* inherited =
        node.parent >= 0 ? dropped_by[static_cast<size_t>(node.parent)] : nullptr;
    if (post_root[i]) continue;
    const rules::Rule* own = matched[i].decides;
    // A box that holds most of the page is a layout wrapper whose class
    // happens to say "menu" or "off-canvas", not a menu: its rule is ignored.
    if (own != nullptr && own->action == rules::Action::kDrop && !own->always &&
        (float(chars[i]) > float(total) * params::kMaxRuleDropShare ||
         is_article_header(doc, node))) {
      own = nullptr;
    }
    // Pages fold FAQ answers, tabs and "show more" sections into hidden
    // panels, product pages their description and specification tabs,
    // some articles their whole body into accordion steps: a panel of
    // prose is text of the page; a hidden menu (mostly links) still goes.
    if (own != nullptr && own->source == "hidden" &&
        is_text_panel(chars[i], link_chars[i], doc.page_type)) {
      own = nullptr;
    }
    // ...and name their boxes as they like ("accordion__dropdown",
    // "faq_tabs-menu", "promo"): a box of prose is not the menu or promo
    // its class names. Tags and roles (nav, footer, navigation) still drop.
    if (prose_boxes && own != nullptr && own->action == rules::Action::kDrop && !own->always &&
        is_prose_box(*own, chars[i], link_chars[i])) {
      own = nullptr;
    }
    // On a forum page the comment list is the thread's replies (bbPress'
    // "bbp-replies", a WordPress comment list used as a board).
    if (own != nullptr && is_reply_box_on_forum(doc.page_type, *own)) own = nullptr;
    if (own == nullptr) {
      dropped_by[i] = inherited;
    } else {
      dropped_by[i] = own->action == rules::Action::kProtect ? nullptr : own;
    }
  }
  return dropped_by;
}

void drop(block::Block& b, const rules::Rule& rule) {
  b.decision = Decision{false, Stage::kRules, rule.id + " " + rule.source};
}

// Characters of the blocks no rule drops.
uint64_t kept_chars(const block::Document& doc, const std::vector<const rules::Rule*>& dropped_by) {
  uint64_t kept = 0;
  for (const block::Block& b : doc.blocks) {
    const bool dropped = b.node >= 0 && dropped_by[static_cast<size_t>(b.node)] != nullptr;
    kept += b.decision.keep && !dropped ? b.features.chars : 0;
  }
  return kept;
}

// Pages whose rules would leave (almost) nothing put their text in boxes
// named like chrome: a page builder's "widget_text" panels, a shop's
// hidden description tabs. Their boxes of prose and text panels are the
// page's text, shown as on service pages; each block kept so says why.
// An article whose rules leave only a few paragraphs, a fraction of the
// prose its boxes hold, is such a page too: what survived is the chrome
// no rule names (an exit-site dialog, a form's consent line) while the
// article sits in boxes a class rule names a menu ("content-nav-section")
// or a widget.
bool rules_left_too_little(PageType type, uint64_t kept, uint64_t shown_kept) {
  if (kept < params::kMinRulesKeptChars) return true;
  return type == PageType::kArticle && kept < params::kFewRulesKeptChars &&
         float(kept) < float(shown_kept) * params::kMinRulesKeptShare;
}

std::vector<const rules::Rule*> rescue_prose_boxes(block::Document& doc,
                                                   const rules::RuleSet& rules,
                                                   std::string_view host, rules::MatchCache* values,
                                                   std::vector<const rules::Rule*> dropped_by) {
  const uint64_t kept = kept_chars(doc, dropped_by);
  if (kept >= params::kMinRulesKeptChars &&
      (doc.page_type != PageType::kArticle || kept >= params::kFewRulesKeptChars)) {
    return dropped_by;
  }
  std::vector<const rules::Rule*> shown = dropping_rules(doc, rules, host, values, true);
  const uint64_t shown_kept = kept_chars(doc, shown);
  if (!rules_left_too_little(doc.page_type, kept, shown_kept)) return dropped_by;
  char reason[200];
  std::snprintf(reason, sizeof reason,
                "rules left %llu chars of %llu in boxes of prose (kMinRulesKeptChars %u; on "
                "articles under kFewRulesKeptChars %u and kMinRulesKeptShare %.2f): a box of "
                "prose or text panel a rule names chrome is shown",
                static_cast<unsigned long long>(kept), static_cast<unsigned long long>(shown_kept),
                params::kMinRulesKeptChars, params::kFewRulesKeptChars,
                double(params::kMinRulesKeptShare));
  for (block::Block& b : doc.blocks) {
    if (b.node < 0 || !b.decision.keep) continue;
    const size_t n = static_cast<size_t>(b.node);
    if (dropped_by[n] != nullptr && shown[n] == nullptr) {
      b.decision = Decision{true, Stage::kRules, reason};
    }
  }
  return shown;
}

}  // namespace

void apply_rules(block::Document& doc, const rules::RuleSet& rules, std::string_view host,
                 rules::MatchCache* cache) {
  const std::vector<const rules::Rule*> dropped_by =
      rescue_prose_boxes(doc, rules, host, cache, dropping_rules(doc, rules, host, cache, false));
  for (block::Block& b : doc.blocks) {
    if (!b.decision.keep) continue;
    if (b.node >= 0) {
      if (const rules::Rule* rule = dropped_by[static_cast<size_t>(b.node)]) {
        drop(b, *rule);
        continue;
      }
    }
    // Boilerplate phrases are short; matching paragraphs of prose against
    // every phrase pattern would cost more than all the rest of the work.
    if (b.text.size() > params::kMaxDropTextBytes) continue;
    if (const rules::Rule* rule = rules.match_text(b.text, host, doc.page_type)) {
      drop(b, *rule);
      b.ends_article = rule->ends_article;
    }
  }
}

}  // namespace webclean::filter
