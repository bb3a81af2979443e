// The page type step on small hand-written pages: one test per kind of
// signal (schema.org types, og:type, generator tags, platform markup, URL
// shapes, structure, text-dump lines), and forcing the type.
#include <catch2/catch.hpp>

#include <string>

#include "webclean/cleaner.h"

using webclean::Cleaner;
using webclean::DocumentInfo;
using webclean::Options;
using webclean::PageType;
using webclean::Result;

namespace {

const Cleaner& cleaner() {
  static const Cleaner c{Options{}};
  return c;
}

Result clean_html(const std::string& head, const std::string& body, const std::string& url = "") {
  DocumentInfo info;
  info.url = url;
  info.kind = webclean::InputKind::kHtml;
  const std::string page = "<!doctype html><html><head><title>T</title>" + head + "</head><body>" +
                           body + "</body></html>";
  return cleaner().clean(page, info);
}

bool has_signal(const Result& r, const std::string& part) {
  for (const std::string& s : r.metadata.page_type_signals) {
    if (s.find(part) != std::string::npos) return true;
  }
  return false;
}

const std::string kProse =
    "<p>The council met on Tuesday to discuss the new budget for the coming year, and "
    "the members agreed on most of the points that had been raised before.</p>";

}  // namespace

TEST_CASE("a JSON-LD DiscussionForumPosting makes a forum page", "[classify]") {
  const Result r = clean_html(
      R"(<script type="application/ld+json">{"@type":"DiscussionForumPosting"}</script>)", kProse);
  CHECK(r.metadata.page_type == PageType::kForum);
  CHECK(has_signal(r, "DiscussionForumPosting"));
}

TEST_CASE("microdata Products are a product page, in an ItemList a collection", "[classify]") {
  const std::string one =
      R"(<div itemscope itemtype="https://schema.org/Product"><p>Mug</p></div>)";
  CHECK(clean_html("", one + kProse).metadata.page_type == PageType::kProduct);
  std::string variants;
  for (int i = 0; i < 6; ++i) variants += one;
  CHECK(clean_html("", variants).metadata.page_type == PageType::kProduct);
  const std::string list =
      R"(<div itemscope itemtype="https://schema.org/ItemList">)" + variants + "</div>";
  CHECK(clean_html("", list).metadata.page_type == PageType::kCollection);
}

TEST_CASE("og:type product makes a product page", "[classify]") {
  const Result r = clean_html(R"(<meta property="og:type" content="product">)", kProse);
  CHECK(r.metadata.page_type == PageType::kProduct);
  CHECK(has_signal(r, "og:type product"));
}

TEST_CASE("a documentation generator tag makes a documentation page", "[classify]") {
  const Result r = clean_html(R"(<meta name="generator" content="Docusaurus v3.1">)", kProse);
  CHECK(r.metadata.page_type == PageType::kDocumentation);
  CHECK(has_signal(r, "Docusaurus generator"));
}

TEST_CASE("Discourse post markup makes a forum page", "[classify]") {
  std::string posts;
  for (int i = 0; i < 3; ++i) posts += "<div class=\"topic-post\">" + kProse + "</div>";
  const Result r = clean_html("", posts);
  CHECK(r.metadata.page_type == PageType::kForum);
  CHECK(has_signal(r, "Discourse markup (3 .topic-post)"));
}

TEST_CASE("URL shapes common across sites decide when nothing else does", "[classify]") {
  CHECK(clean_html("", kProse, "https://x.org/t/some-topic/123").metadata.page_type ==
        PageType::kForum);
  CHECK(clean_html("", kProse, "https://x.org/docs/install").metadata.page_type ==
        PageType::kDocumentation);
  CHECK(clean_html("", kProse, "https://shop.example/collections/socks").metadata.page_type ==
        PageType::kCollection);
}

TEST_CASE("the canonical link gives the URL of a saved page", "[classify]") {
  const Result r =
      clean_html(R"(<link rel="canonical" href="https://x.org/questions/42/why">)", kProse);
  CHECK(r.metadata.page_type == PageType::kForum);
  CHECK(has_signal(r, "URL /questions/123"));
}

TEST_CASE("a grid of linked cards with prices makes a collection", "[classify]") {
  std::string grid = "<ul>";
  for (int i = 0; i < 10; ++i) {
    grid += "<li class=\"card\"><a href=\"/p/" + std::to_string(i) + "\">Woollen socks, pair " +
            std::to_string(i) + "</a> <span>$12.99</span></li>";
  }
  const Result r = clean_html("", grid + "</ul>");
  CHECK(r.metadata.page_type == PageType::kCollection);
  CHECK(has_signal(r, "repeated cards with prices"));
}

TEST_CASE("a dated article stays an article", "[classify]") {
  const Result r =
      clean_html(R"(<meta property="article:published_time" content="2024-05-01">)", kProse);
  CHECK(r.metadata.page_type == PageType::kArticle);
}

TEST_CASE("a text dump with forum chrome lines is a forum", "[classify]") {
  std::string dump = "Thread title\n\n";
  for (int i = 0; i < 4; ++i)
    dump += "Posted by user" + std::to_string(i) + "\n\nSome words.\n\nReply\n\nQuote\n\n";
  DocumentInfo info;
  info.kind = webclean::InputKind::kText;
  CHECK(cleaner().clean(dump, info).metadata.page_type == PageType::kForum);
}

TEST_CASE("forcing the page type gives it to every page and changes no text", "[classify]") {
  Options forced;
  forced.page_type = PageType::kProduct;
  const Cleaner product_cleaner{forced};
  DocumentInfo info;
  info.url = "https://x.org/t/some-topic/123";
  const std::string page = "<html><body>" + kProse + "</body></html>";
  const Result r = product_cleaner.clean(page, info);
  CHECK(r.metadata.page_type == PageType::kProduct);
  CHECK(r.metadata.page_type_signals == std::vector<std::string>{"forced"});
  CHECK(r.text == cleaner().clean(page, info).text);
}

TEST_CASE("page type names read back as their types", "[classify]") {
  CHECK(webclean::page_type_from_name("documentation") == PageType::kDocumentation);
  CHECK(std::string(webclean::page_type_name(PageType::kService)) == "service");
  CHECK_FALSE(webclean::page_type_from_name("blog").has_value());
}

TEST_CASE("a slug of five words or more is a headline and votes article", "[classify]") {
  const Result long_slug =
      clean_html("", kProse, "https://example.com/why-the-council-voted-against-the-budget");
  CHECK(has_signal(long_slug, "URL slug of 7 words"));
  const Result short_slug = clean_html("", kProse, "https://example.com/hr-consulting/");
  CHECK_FALSE(has_signal(short_slug, "URL slug"));
  CHECK(short_slug.metadata.page_type == PageType::kService);
}

TEST_CASE("the article markup of a template votes once however many tags say it", "[classify]") {
  // og:type article alone does not outvote the code blocks of a reference page.
  std::string code;
  for (int i = 0; i < 8; ++i) code += "<pre>make install</pre>";
  const Result r = clean_html(R"(<meta property="og:type" content="article">)", kProse + code);
  CHECK(r.metadata.page_type == PageType::kDocumentation);
  const Result article =
      clean_html(R"(<meta property="og:type" content="article">)"
                 R"(<meta property="article:published_time" content="2024-01-02">)"
                 R"(<script type="application/ld+json">{"@type":"Article"}</script>)",
                 kProse);
  CHECK(article.metadata.page_type == PageType::kArticle);
  CHECK(has_signal(article,
                   "article template (schema.org Article, og:type article, "
                   "article:published_time)"));
}

TEST_CASE("a page with the reply and quote buttons of many posts is a thread", "[classify]") {
  std::string posts;
  for (int i = 0; i < 4; ++i) {
    posts += "<div class='entry'>" + kProse + "<p>Reply</p><p>Quote</p></div>";
  }
  const Result r = clean_html("", posts);
  CHECK(r.metadata.page_type == PageType::kForum);
  CHECK(has_signal(r, "of forum chrome"));
}

TEST_CASE("a site's front page without an article's signs is a service page", "[classify]") {
  const Result r = clean_html("", "<h2>Accounting for small firms</h2><p>We keep your books.</p>",
                              "https://example.com/");
  CHECK(r.metadata.page_type == PageType::kService);
  CHECK(has_signal(r, "front page"));
}

TEST_CASE("a front page dating story after story is a listing despite their prose", "[classify]") {
  // Each story's teaser is a paragraph of prose, as an article's are.
  const std::string teaser =
      "<p>The council met on Tuesday to discuss the new budget for the coming year. The members "
      "agreed on most of the points that had been raised before, and the vote is due next week "
      "after a last reading.</p>";
  std::string stories;
  for (int day = 10; day < 22; ++day) {
    stories += "<div class='story'>" + teaser + "<time datetime='2024-05-" + std::to_string(day) +
               "'>May " + std::to_string(day) + "</time></div>";
  }
  const Result front = clean_html("", stories, "https://news.example.com/");
  CHECK(front.metadata.page_type == PageType::kListing);
  CHECK(has_signal(front, "a front page with 12 dates"));
  // The same page elsewhere on the site is no front page: its prose decides.
  const Result inner = clean_html("", stories, "https://news.example.com/council");
  CHECK(inner.metadata.page_type == PageType::kArticle);
}

TEST_CASE("og:type article on a WordPress page without a publication time is no article's sign",
          "[classify]") {
  const std::string page_meta = R"(<meta property="og:type" content="article">)"
                                R"(<meta property="article:modified_time" content="2024-01-02">)";
  const Result page = clean_html(page_meta, "<h2>Our services</h2><p>We fix roofs.</p>");
  CHECK(page.metadata.page_type == PageType::kService);
  CHECK_FALSE(has_signal(page, "og:type article"));
  const Result post = clean_html(
      page_meta + R"(<meta property="article:published_time" content="2024-01-01">)", kProse);
  CHECK(post.metadata.page_type == PageType::kArticle);
  CHECK(has_signal(post, "og:type article"));
}

TEST_CASE("a byline without a date does not outvote a page's other signs", "[classify]") {
  const Result r = clean_html("",
                              "<h2>What our clients say</h2><p>They fixed our roof in a day.</p>"
                              "<p class='author'>Jane Smith</p>",
                              "https://example.com/");
  CHECK(r.metadata.page_type == PageType::kService);
}

TEST_CASE("a grid of priced cards outvotes one declared Product", "[classify]") {
  std::string grid = R"(<div itemscope itemtype="https://schema.org/Product"><h1>Sale</h1></div>)"
                     "<ul>";
  for (int i = 0; i < 10; ++i) {
    grid += "<li class=\"card\"><a href=\"/p/" + std::to_string(i) + "\">Woollen socks, pair " +
            std::to_string(i) + "</a> <span>$12.99</span></li>";
  }
  const Result r = clean_html("", grid + "</ul>");
  CHECK(r.metadata.page_type == PageType::kCollection);
}

TEST_CASE("many Add to cart buttons make a collection", "[classify]") {
  std::string grid;
  for (int i = 0; i < 5; ++i) {
    grid +=
        "<div><h3>Socks " + std::to_string(i) + "</h3><p><a href='/cart'>Add to cart</a></p></div>";
  }
  const Result r = clean_html("", grid);
  CHECK(r.metadata.page_type == PageType::kCollection);
  CHECK(has_signal(r, "Add to cart"));
}

TEST_CASE("the chrome of a documentation theme makes a documentation page", "[classify]") {
  const Result r = clean_html(
      "", "<div><p>On this page</p></div>" + kProse + "<p>Edit this page</p><p>Next steps</p>");
  CHECK(r.metadata.page_type == PageType::kDocumentation);
}

TEST_CASE("a /t/123/slug path is a forum thread", "[classify]") {
  const Result r = clean_html("", kProse, "https://example.com/t/123270/tiny-house");
  CHECK(r.metadata.page_type == PageType::kForum);
}

TEST_CASE("a meta author tag without a byline in the body does not sign a page", "[classify]") {
  const Result r = clean_html(R"(<meta name="author" content="Acme Roofing Inc.">)",
                              "<h2>Roof repair</h2><p>We fix roofs in a day.</p>");
  CHECK(r.metadata.page_type == PageType::kService);
  CHECK(has_signal(r, "no date or author"));
}

TEST_CASE("a line of business named in a URL segment votes service", "[classify]") {
  const Result r = clean_html("", "<h2>Fast delivery</h2><p>Our network is fast.</p>",
                              "https://example.com/application-services/products/cdn/");
  CHECK(r.metadata.page_type == PageType::kService);
  CHECK(has_signal(r, "-services/"));
}

TEST_CASE("developer hosts and help centre paths hold documentation", "[classify]") {
  const std::string body = "<h2>Fields</h2><p>Each field of the feed is listed below.</p>";
  CHECK(clean_html("", body, "https://developers.example.com/feeds/spec/").metadata.page_type ==
        PageType::kDocumentation);
  CHECK(clean_html("", body, "https://www.example.org/support/searching").metadata.page_type ==
        PageType::kDocumentation);
}

TEST_CASE("a page with four fifths of its text in links is a listing despite its dates",
          "[classify]") {
  std::string links;
  for (int i = 0; i < 12; ++i) {
    links += "<h3><a href='/car/" + std::to_string(i) + "'>Rental car number " + std::to_string(i) +
             " for the weekend</a></h3>";
  }
  const Result r = clean_html(R"(<meta property="article:published_time" content="2024-01-02">)",
                              links + "<p>Rent a car.</p>");
  CHECK(r.metadata.page_type == PageType::kListing);
}

TEST_CASE("an editorial /collection/ path is no shop's collection", "[classify]") {
  const Result essay =
      clean_html(R"(<meta property="article:published_time" content="2024-01-02">)", kProse,
                 "https://example.org/collection/coffee-essays/");
  CHECK(essay.metadata.page_type == PageType::kArticle);
  const Result shop = clean_html("", "<h2>Socks</h2>", "https://example.com/collections/socks");
  CHECK(shop.metadata.page_type == PageType::kCollection);
}

TEST_CASE("a publication date meta tag under a news CMS's name dates a page", "[classify]") {
  const Result r = clean_html(R"(<meta name="publishdate" content="2017-03-10">)",
                              "<h2>Students abroad</h2><p>They watch the sessions.</p>");
  CHECK(r.metadata.page_type == PageType::kArticle);
  CHECK(has_signal(r, "dated"));
}

TEST_CASE("a page that keeps asking the reader to book or sign up is a service page",
          "[classify]") {
  const std::string url = "https://example.com/payroll-software-for-small-teams-and-firms";
  const std::string body = "<h2>Payroll for small teams</h2><p>Pay everyone on time.</p>";
  const Result plain = clean_html("", body, url);
  CHECK(plain.metadata.page_type == PageType::kArticle);
  const Result selling = clean_html(
      "",
      body +
          "<a href='/demo'>Book a demo</a><p>Taxes filed for you.</p>"
          "<a href='/signup'>Get started</a><p>Any bank.</p><a href='/trial'>Start free trial</a>",
      url);
  CHECK(selling.metadata.page_type == PageType::kService);
  CHECK(has_signal(selling, "calls to action"));
}

TEST_CASE("a grid of teasers holding most of the page's text is a listing despite their prose",
          "[classify]") {
  std::string grid;
  for (int i = 0; i < 10; ++i) {
    grid += "<article class=\"teaser\"><h2><a href=\"/story/" + std::to_string(i) +
            "\">Story number " + std::to_string(i) +
            "</a></h2><p>The council met on Tuesday to discuss the new budget for the coming "
            "year. The members agreed on most of the points that had been raised before, and "
            "the mayor said the vote would follow next month.</p></article>";
  }
  const Result r = clean_html("", "<main>" + grid + "</main>");
  CHECK(r.metadata.page_type == PageType::kListing);
  CHECK(has_signal(r, "holding most of the text"));
}

TEST_CASE("a documentation address outvotes the article template and date of its theme",
          "[classify]") {
  const std::string meta = R"(<meta property="og:type" content="article">)"
                           R"(<meta property="article:published_time" content="2024-01-02">)";
  const Result r = clean_html(meta, "<h2>Sessions</h2><p>Sessions expire after an hour.</p>",
                              "https://example.com/docs/guides/auth");
  CHECK(r.metadata.page_type == PageType::kDocumentation);
  CHECK(has_signal(r, "URL /docs/"));
}

TEST_CASE("a title that reads as a headline tips an undated page to article", "[classify]") {
  const auto page_titled = [](const std::string& title) {
    DocumentInfo info;
    info.url = "https://example.com/blog/mesh";
    info.kind = webclean::InputKind::kHtml;
    const std::string page =
        "<!doctype html><html><head><title>" + title +
        "</title></head><body><h2>Mesh wifi</h2><p>A mesh covers a house with one network.</p>"
        "<div><a href='/a'>Learn more</a></div><div><a href='/b'>Contact us</a></div>"
        "<div><a href='/c'>Get started</a></div>"
        "</body></html>";
    return cleaner().clean(page, info);
  };
  CHECK(page_titled("Mesh wifi | Example").metadata.page_type == PageType::kService);
  const Result headline = page_titled("What is mesh wifi and why your house may need it | Example");
  CHECK(headline.metadata.page_type == PageType::kArticle);
  CHECK(has_signal(headline, "(a headline)"));
}

TEST_CASE("the title software gives an archive or search results makes a listing", "[classify]") {
  const auto page_titled = [](const std::string& title) {
    DocumentInfo info;
    info.kind = webclean::InputKind::kHtml;
    const std::string page = "<!doctype html><html><head><title>" + title +
                             "</title><meta property='og:type' content='article'></head><body>" +
                             kProse + "</body></html>";
    return cleaner().clean(page, info);
  };
  const Result archive = page_titled("Cycling Archives - Example Blog");
  CHECK(archive.metadata.page_type == PageType::kListing);
  CHECK(has_signal(archive, "an archive's title"));
  CHECK(page_titled("Search Results for \"bikes\" | Example").metadata.page_type ==
        PageType::kListing);
  CHECK(page_titled("Cycling news - Page 2 of 9 - Example").metadata.page_type ==
        PageType::kListing);
  // A headline that names archives in passing is still an article's.
  CHECK(page_titled("Archives of the old town reopen - Example").metadata.page_type ==
        PageType::kArticle);
  CHECK(page_titled("A walk through the Archives today - Example").metadata.page_type ==
        PageType::kArticle);
}

TEST_CASE("a forum's address with signed and dated posts outvotes an article's signs",
          "[classify]") {
  // An article's template, a headline slug and prose (6 votes), as a
  // thread of a forum running on a blog's software shows them too.
  const std::string head = R"(<meta property="og:type" content="article">)"
                           R"(<meta property="article:published_time" content="2024-05-01">)";
  std::string body;
  for (int i = 0; i < 10; ++i) body += kProse;
  std::string posts;
  for (int i = 0; i < 4; ++i) {
    posts += "<div class='reply'><span class='author'>user" + std::to_string(i) +
             "</span><time datetime='2024-05-0" + std::to_string(i + 1) + "'>May</time>" + kProse +
             "</div>";
  }
  const std::string url = "https://example.com/forum/how-do-i-start-a-first-project/";
  const Result thread = clean_html(head, body + posts, url);
  CHECK(thread.metadata.page_type == PageType::kForum);
  CHECK(has_signal(thread, "a forum's address with 4 signed, dated posts"));
  // The same posts under a blog's address are an article's comments.
  const Result blog =
      clean_html(head, body + posts, "https://example.com/blog/how-do-i-start-a-first-project/");
  CHECK(blog.metadata.page_type == PageType::kArticle);
  CHECK_FALSE(has_signal(blog, "a forum's address"));
}

TEST_CASE("a shop's /pdp/ path is a product page", "[classify]") {
  const Result r = clean_html("", kProse, "https://shop.example/lighting/pdp/brass-lamp-123.html");
  CHECK(r.metadata.page_type == PageType::kProduct);
  CHECK(has_signal(r, "URL /p/"));
}

TEST_CASE("labels are read whatever case and punctuation or symbols surround them", "[classify]") {
  std::string grid;
  const char* buttons[] = {"ADD TO CART", "\xE2\x80\xA2 Add to bag", "[ Buy now ]",
                           "add to basket \xC2\xBB"};
  for (int i = 0; i < 4; ++i)
    grid += "<div><h3>Socks " + std::to_string(i) + "</h3><p>" + buttons[i] + "</p></div>";
  CHECK(has_signal(clean_html("", grid + kProse), "4 \"Add to cart\" buttons"));
  // Five lines of forum chrome and one more make the six of a thread.
  const auto thread_with = [](const std::string& line) {
    std::string posts;
    for (const char* chrome : {"Reply", "Quote", "Share", "Report", "Like", line.c_str()})
      posts += "<div>" + kProse + "<p>" + chrome + "</p></div>";
    return has_signal(clean_html("", posts), "6 of forum chrome");
  };
  for (const char* line : {"#1", "(#2)", "12 Replies", "3 posts", "1200 views", "PERMALINK",
                           "\xC2\xBB Reply", "Posted by Ann"}) {
    INFO(line);
    CHECK(thread_with(line));
  }
  // Numbers, dates and words that only begin like a label are none.
  for (const char* line : {"#", "12", "2024-05-01", "12 comments", "# 3", "_reply", "Replying",
                           "Downloads", "3 Replies later", "Joined"}) {
    INFO(line);
    CHECK_FALSE(thread_with(line));
  }
}

TEST_CASE("JSON-LD types are read as written: spaced, in a list, as a schema.org URL",
          "[classify]") {
  const auto type_of = [](const std::string& json) {
    return clean_html("<script type=\"application/ld+json\">" + json + "</script>", kProse)
        .metadata.page_type;
  };
  CHECK(type_of(R"({"@type" :  [ "QAPage", "WebPage"]})") == PageType::kForum);
  CHECK(type_of(R"({"@type":"https://schema.org/DiscussionForumPosting"})") == PageType::kForum);
  // A value that names no type is skipped, and the next key still read.
  CHECK(type_of(R"([{"@type": 5, "name": "x"}, {"@type": "QAPage"}])") == PageType::kForum);
  CHECK(type_of(R"({"name": "\"@type\": \"QAPage"})") != PageType::kForum);
}

TEST_CASE("a section's page served as a file has the section's URL shape", "[classify]") {
  const std::string body = "<h2>Consulting</h2><p>We help firms plan their move.</p>";
  const Result services = clean_html("", body, "https://example.com/en/services.html");
  CHECK(services.metadata.page_type == PageType::kService);
  CHECK(has_signal(services, "URL /services/"));
  CHECK(has_signal(clean_html("", body, "https://example.com/news.php?page=2"), "URL /news"));
  // A file named after its own subject is no section.
  CHECK_FALSE(
      has_signal(clean_html("", body, "https://example.com/servicesmart.html"), "URL /services/"));
}

TEST_CASE("WordPress's body classes of an archive of posts make a listing", "[classify]") {
  const std::string head =
      R"(<meta property="og:type" content="article"><title>Air fryer recipes</title>)";
  const std::string teasers =
      "<h2><a href='/a'>Crispy air fryer potatoes</a></h2><p>Ready in twenty minutes.</p>"
      "<h2><a href='/b'>Air fryer salmon bites</a></h2><p>A weeknight favourite.</p>";
  const auto page = [&](const std::string& body_classes) {
    DocumentInfo info;
    info.kind = webclean::InputKind::kHtml;
    return cleaner().clean("<!doctype html><html><head>" + head + "</head><body class='" +
                               body_classes + "'>" + teasers + "</body></html>",
                           info);
  };
  const Result category = page("archive category category-recipes category-12");
  CHECK(category.metadata.page_type == PageType::kListing);
  CHECK(has_signal(category, "WordPress body class category"));
  CHECK(page("search search-results").metadata.page_type == PageType::kListing);
  // A shop's category is an archive too, but not of posts; a post is no archive.
  CHECK(page("archive tax-product_cat woocommerce").metadata.page_type != PageType::kListing);
  CHECK(page("post-template-default single single-post").metadata.page_type == PageType::kArticle);
}

TEST_CASE("a site's menu in its nav does not make a page a list of links", "[classify]") {
  std::string menu = "<nav><ul>";
  for (int i = 0; i < 40; ++i) {
    menu += "<li><a href='/p/" + std::to_string(i) + "'>Product line number " + std::to_string(i) +
            " for teams</a></li>";
  }
  menu += "</ul></nav>";
  const std::string intro =
      "<h1>Payroll for small firms</h1><p>We run your payroll, file your taxes and pay your "
      "people on time, every time.</p>";
  const Result with_nav = clean_html("", menu + intro, "https://example.com/");
  CHECK(with_nav.metadata.page_type == PageType::kService);
  CHECK_FALSE(has_signal(with_nav, "in links"));
  // The same links outside a <nav> are the page's own list.
  const std::string bare = menu.substr(5, menu.size() - 11);
  const Result without_nav = clean_html("", bare + intro, "https://example.com/");
  CHECK(without_nav.metadata.page_type == PageType::kListing);
}

TEST_CASE("a WordPress Page's article markup and publication time date nothing", "[classify]") {
  // Yoast writes og:type article and article:published_time on every page
  // of a WordPress site; the body class tells a Page from a post.
  const std::string head = R"(<meta property="og:type" content="article">)"
                           R"(<meta property="article:published_time" content="2023-09-29">)";
  const std::string body =
      "<h1>Cloud consulting</h1><p>We plan, move and run your systems in the cloud.</p>";
  const std::string page = "<!doctype html><html><head><title>T</title>" + head +
                           "</head><body class='page-template-default page page-id-81277'>" +
                           body + "</body></html>";
  DocumentInfo info;
  info.url = "https://example.com/cloud-consulting/";
  info.kind = webclean::InputKind::kHtml;
  const Result as_page = cleaner().clean(page, info);
  CHECK(as_page.metadata.page_type == PageType::kService);
  CHECK_FALSE(has_signal(as_page, "article template"));
  // The same markup on a post dates an article.
  std::string post = page;
  post.replace(post.find("page-template-default page page-id-81277"),
               std::string("page-template-default page page-id-81277").size(),
               "post-template-default single single-post postid-81277");
  const Result as_post = cleaner().clean(post, info);
  CHECK(as_post.metadata.page_type == PageType::kArticle);
}

TEST_CASE("a teaser's own <header> is the teaser's and not the page's banner", "[classify]") {
  // A news site's topic page: each story a teaser <article> whose title,
  // excerpt and byline sit in its <header>.
  std::string river = "<main><h1>Headphones</h1>";
  for (int i = 0; i < 12; ++i) {
    const std::string url = "/articles/" + std::to_string(i);
    river += "<article class='river'><header><h2><a href='" + url + "'>Story number " +
             std::to_string(i) + " about headphones</a></h2><p><a href='" + url +
             "'>What the story says, in a line.</a></p></header></article>";
  }
  river += "</main>";
  const Result r = clean_html("", river);
  CHECK(r.metadata.page_type == PageType::kListing);
  CHECK(has_signal(r, "of the text in links"));
}
