// The rules filter. A node is dropped when it or an ancestor matches a
// drop rule and no node from there down to it (itself included) matches a
// protect rule: protection restores a subtree, drops below it still apply.
#include <string>
#include <unordered_map>
#include <vector>

#include "filter/filter.h"
#include "filter/params.h"

namespace webclean::filter {
namespace {

using block::Decision;
using block::Stage;

// Characters of text below each node (its own blocks and its subtree's).
std::vector<uint32_t> subtree_chars(const block::Document& doc) {
  std::vector<uint32_t> chars(doc.nodes.size(), 0);
  for (const block::Block& b : doc.blocks) {
    if (b.node >= 0) chars[static_cast<size_t>(b.node)] += b.features.chars;
  }
  for (size_t i = doc.nodes.size(); i-- > 0;) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0) chars[static_cast<size_t>(parent)] += chars[i];
  }
  return chars;
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

// Pages repeat the same elements (menu items, cards, list entries): the
// rule for one combination of tag and attributes is looked up once.
class NodeRuleCache {
 public:
  NodeRuleCache(const rules::RuleSet& rules, std::string_view host, rules::MatchCache* values)
      : rules_(rules), host_(host), values_(values != nullptr ? values : &own_values_) {}

  const rules::Rule* match(const block::Node& node) {
    if (node.id.empty() && node.classes.empty() && node.role.empty() && node.itemprop.empty() &&
        node.attrs.empty()) {
      return rules_.match_node(node, host_, values_);  // the engine's fast path: no attributes
    }
    key_.clear();
    for (const std::string* field :
         {&node.tag, &node.id, &node.classes, &node.role, &node.itemprop, &node.itemtype}) {
      key_ += *field;
      key_ += '\x1f';
    }
    for (const auto& [name, value] : node.attrs) key_ += name + '=' + value + '\x1f';
    key_ += static_cast<char>('0' + (node.flags & block::kHidden));
    auto [it, inserted] = cache_.try_emplace(key_, nullptr);
    if (inserted) it->second = rules_.match_node(node, host_, values_);
    return it->second;
  }

 private:
  const rules::RuleSet& rules_;
  std::string_view host_;
  std::string key_;
  std::unordered_map<std::string, const rules::Rule*> cache_;
  rules::MatchCache own_values_;
  rules::MatchCache* values_;
};

// For each node, the drop rule that removes it, or nullptr.
std::vector<const rules::Rule*> dropping_rules(const block::Document& doc,
                                               const rules::RuleSet& rules, std::string_view host,
                                               rules::MatchCache* values) {
  const std::vector<uint32_t> chars = subtree_chars(doc);
  uint32_t total = 0;
  for (const block::Block& b : doc.blocks) total += b.features.chars;
  std::vector<const rules::Rule*> dropped_by(doc.nodes.size(), nullptr);
  NodeRuleCache cache(rules, host, values);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const block::Node& node = doc.nodes[i];
    const rules::Rule* inherited =
        node.parent >= 0 ? dropped_by[static_cast<size_t>(node.parent)] : nullptr;
    const rules::Rule* own = cache.match(node);
    // A box that holds most of the page is a layout wrapper whose class
    // happens to say "menu" or "off-canvas", not a menu: its rule is ignored.
    if (own != nullptr && own->action == rules::Action::kDrop &&
        (float(chars[i]) > float(total) * params::kMaxRuleDropShare ||
         is_article_header(doc, node))) {
      own = nullptr;
    }
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

}  // namespace

void apply_rules(block::Document& doc, const rules::RuleSet& rules, std::string_view host,
                 rules::MatchCache* cache) {
  const std::vector<const rules::Rule*> dropped_by = dropping_rules(doc, rules, host, cache);
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
    if (const rules::Rule* rule = rules.match_text(b.text, host)) drop(b, *rule);
  }
}

}  // namespace webclean::filter
