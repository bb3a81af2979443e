// The page's JSON-LD (schema.org): the article's headline, author,
// publication date and publisher, and a product's description. Scripts
// that do not parse are skipped.
#ifndef WEBCLEAN_META_JSON_LD_H_
#define WEBCLEAN_META_JSON_LD_H_

#include <string>
#include <vector>

namespace webclean::meta {

struct JsonLd {
  std::string headline;
  std::string author;           // as written: a reference without a name is no author
  std::string author_resolved;  // references to a Person elsewhere in the graph followed
  std::string date_published;
  std::string publisher;
};

// Fills each field from the first object that has it, article-like
// objects first. `page_title` (the <title>) chooses between an article's
// headline and its name.
JsonLd read_json_ld(const std::vector<std::string>& scripts, const std::string& page_title);

// The description of the page's first JSON-LD Product, as text (HTML tags
// out, percent-encoding undone); empty when none.
std::string product_description(const std::vector<std::string>& scripts);

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_JSON_LD_H_
