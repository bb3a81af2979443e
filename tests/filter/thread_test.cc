// Threads (forum topics, Q&A pages, comment pages) end to end with the
// shipped rules: on small hand-written pages in each platform's markup,
// every post is kept whole and in order, and the per-post chrome and the
// rest of the page go.
#include <catch2/catch.hpp>

#include <string>

#include "webclean/cleaner.h"

using webclean::Cleaner;
using webclean::Options;
using webclean::Result;

namespace {

const Cleaner& cleaner() {
  static const Cleaner c{[] {
    Options o;
    o.keep_block_reports = true;
    return o;
  }()};
  return c;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Posts of ordinary prose, each with a word that names it.
std::string prose(const std::string& name) {
  return "This is the post called " + name +
         ", and it says what its author thinks about the question, with a reason or two "
         "that the others in the thread can answer.";
}

// The sidebar and footer text a forum page carries beside its posts.
const std::string kSidebar =
    "<div class='sidebar-block'><h3>Related topics</h3><ul>"
    "<li><a href='/t/1'>How do I change the settings of my account on the forum?</a></li>"
    "<li><a href='/t/2'>Which version should a beginner install on a new machine?</a></li>"
    "</ul></div>";

void check_posts_in_order(const Result& r, const std::string& a, const std::string& b,
                          const std::string& c) {
  REQUIRE(r.ok());
  const size_t pa = r.text.find(prose(a)), pb = r.text.find(prose(b)), pc = r.text.find(prose(c));
  CHECK(pa != std::string::npos);
  CHECK(pb != std::string::npos);
  CHECK(pc != std::string::npos);
  CHECK(pa < pb);
  CHECK(pb < pc);
}

}  // namespace

TEST_CASE("every post of a discourse crawler view is kept and its author line goes",
          "[filter][thread]") {
  std::string posts;
  for (const char* name : {"alpha", "bravo", "charlie"}) {
    posts += std::string(
                 "<div class='topic-body crawler-post' itemprop='comment' itemscope "
                 "itemtype='http://schema.org/Comment'><div class='crawler-post-meta'>"
                 "<span class='creator' itemprop='author'><a href='/u/x'>user_") +
             name +
             "</a></span> <time class='post-time' datetime='2024-04-26'>April 26, 2024</time>"
             "</div><div class='post' itemprop='text'><p>" +
             prose(name) + "</p></div><span class='post-likes'>3 Likes</span></div>";
  }
  const Result r = cleaner().clean(
      "<html><body><header><a href='/'>The Forum</a></header><div id='main-outlet' class='wrap'>"
      "<div itemscope itemtype='http://schema.org/DiscussionForumPosting'>" +
      posts + "</div></div>" + kSidebar + "</body></html>");
  check_posts_in_order(r, "alpha", "bravo", "charlie");
  CHECK_FALSE(has(r.text, "user_bravo"));
  CHECK_FALSE(has(r.text, "Likes"));
  CHECK_FALSE(has(r.text, "Related topics"));
  CHECK_FALSE(has(r.text, "beginner install"));
  bool named = false;
  for (const auto& b : r.blocks) {
    if (b.kept && has(b.text, "bravo")) {
      named = has(b.reason, "rules/forums.rules:") && has(b.reason, "kThreadMinPostShare");
    }
  }
  CHECK(named);  // --explain says what made the page a thread
}

TEST_CASE("xenforo posts are kept without user titles, join dates and buttons",
          "[filter][thread]") {
  std::string posts;
  for (const char* name : {"one", "two", "three"}) {
    posts += std::string(
                 "<article class='message message--post js-post'><div class='message-inner'>"
                 "<div class='message-cell message-cell--user'><h4 class='message-name'>") +
             "member_" + name +
             "</h4><h5 class='userTitle message-userTitle'>Well-known member</h5>"
             "<dl class='pairs'><dt>Joined</dt><dd>Mar 3, 2015</dd><dt>Messages</dt>"
             "<dd>1,234</dd></dl></div><div class='message-cell message-cell--main'>"
             "<div class='message-content js-messageContent'><article class='message-body'>"
             "<div class='bbWrapper'>" +
             prose(name) +
             "</div></article></div><footer class='message-footer'><a class='actionBar-action'>"
             "Reply</a> <a class='actionBar-action'>Report</a></footer></div></div></article>";
  }
  const Result r = cleaner().clean("<html><body><div class='p-body-pageContent'>" + posts +
                                   "</div>" + kSidebar + "</body></html>");
  check_posts_in_order(r, "one", "two", "three");
  CHECK_FALSE(has(r.text, "Well-known member"));
  CHECK_FALSE(has(r.text, "Joined"));
  CHECK_FALSE(has(r.text, "member_two"));
  CHECK_FALSE(has(r.text, "Report"));
}

TEST_CASE("a stack exchange question is kept with all its answers, without votes and user cards",
          "[filter][thread]") {
  const auto post = [](const std::string& name, const std::string& comment) {
    return "<div class='post-layout'><div class='votecell'><button>Up vote</button>"
           "<div class='js-vote-count'>12</div></div><div class='postcell'>"
           "<div class='s-prose js-post-body' itemprop='text'><p>" +
           prose(name) +
           "</p></div><div class='post-signature'><div class='user-details'>asker 5,120 "
           "reputation</div></div></div><div class='comments js-comments-container'><ul "
           "class='comments-list'><li class='comment'><div class='comment-body'><span "
           "class='comment-copy'>" +
           prose(comment) + "</span></div></li></ul></div></div>";
  };
  const Result r = cleaner().clean(
      "<html><body><div id='question' class='question' itemprop='mainEntity' itemscope "
      "itemtype='https://schema.org/Question'>" +
      post("question", "question-comment") +
      "</div><div id='answers'><div class='answer' itemprop='suggestedAnswer' itemscope "
      "itemtype='https://schema.org/Answer'>" +
      post("answer", "answer-comment") +
      "</div><div class='answer' itemprop='suggestedAnswer' itemscope "
      "itemtype='https://schema.org/Answer'>" +
      post("answer2", "answer2-comment") + "</div></div>" + kSidebar + "</body></html>");
  check_posts_in_order(r, "question", "answer", "answer2");
  CHECK_FALSE(has(r.text, "reputation"));
  CHECK_FALSE(has(r.text, "Up vote"));
}

TEST_CASE("hacker news comments are all kept and the site's menu line is not", "[filter][thread]") {
  std::string rows;
  for (const char* name : {"first", "second", "third"}) {
    rows += std::string(
                "<tr class='athing comtr'><td><table><tr><td class='default'>"
                "<div><span class='comhead'><a class='hnuser'>hn_") +
            name +
            "</a> <span class='age'>3 hours ago</span></span></div><div class='comment'>"
            "<div class='commtext c00'>" +
            prose(name) +
            "</div><div class='reply'><a href='reply?id=1'>reply</a></div></div></td></tr>"
            "</table></td></tr>";
  }
  const Result r = cleaner().clean(
      "<html><body><center><table id='hnmain'><tr><td><span class='pagetop'><b><a>Hacker "
      "News</a></b> <a>new</a> | <a>past</a> | <a>comments</a> | <a>ask</a> | <a>show</a> | "
      "<a>jobs</a> | <a>submit</a></span></td></tr><tr><td><table class='comment-tree'>" +
      rows + "</table></td></tr></table></center></body></html>");
  check_posts_in_order(r, "first", "second", "third");
  CHECK_FALSE(has(r.text, "submit"));
  CHECK_FALSE(has(r.text, "hn_second"));
}

TEST_CASE("an article whose few marked-up comments hold little of the text keeps only the article",
          "[filter][thread]") {
  std::string article;
  for (int i = 0; i < 8; ++i) article += "<p>" + prose("article" + std::to_string(i)) + "</p>";
  const Result r = cleaner().clean(
      "<html><body><article><h1>Headline</h1><div class='entry-content'>" + article +
      "</div></article><section id='comments' class='comments'>"
      "<div itemprop='comment' itemscope itemtype='http://schema.org/Comment'>"
      "<div itemprop='text'>" +
      prose("reader1") +
      "</div></div><div itemprop='comment' itemscope itemtype='http://schema.org/Comment'>"
      "<div itemprop='text'>" +
      prose("reader2") + "</div></div></section></body></html>");
  REQUIRE(r.ok());
  CHECK(has(r.text, prose("article0")));
  CHECK(has(r.text, prose("article7")));
  CHECK_FALSE(has(r.text, prose("reader1")));
}

TEST_CASE("old reddit keeps the comments and drops the subreddit's rules in the sidebar",
          "[filter][thread]") {
  const auto usertext = [](const std::string& fullname, const std::string& text) {
    return "<form action='#' class='usertext' id='form-" + fullname +
           "'><div class='usertext-body may-blank-within md-container'><div class='md'><p>" + text +
           "</p></div></div></form>";
  };
  std::string comments;
  for (const char* name : {"red", "green", "blue"}) {
    comments += std::string(
                    "<div class='thing comment'><div class='entry'><p class='tagline'>"
                    "<a class='author'>redditor_") +
                name + "</a> 120 points 3 hours ago</p>" +
                usertext(std::string("t1_") + name, prose(name)) +
                "<ul class='flat-list buttons'><li>permalink</li><li>reply</li></ul></div></div>";
  }
  const Result r = cleaner().clean(
      "<html><body><div class='side'><div class='titlebox'>" +
      usertext("t5_2qh1j",
               "Submission rules: link directly to published peer-reviewed research, no "
               "summaries of summaries, no editorialized titles, research under six months "
               "old; comment rules: no off-topic comments, no abusive comments, no medical "
               "advice, and repeat offenders will be banned from the community for good.") +
      "</div></div><div class='content' role='main'><div class='commentarea'>"
      "<div class='sitetable nestedlisting'>" +
      comments + "</div></div></div></body></html>");
  check_posts_in_order(r, "red", "green", "blue");
  CHECK_FALSE(has(r.text, "Submission rules"));
  CHECK_FALSE(has(r.text, "redditor_green"));
}

TEST_CASE("a consent manager's preference center is never the content, even of a thread",
          "[filter][thread]") {
  std::string center;
  for (int i = 0; i < 6; ++i) {
    center += "<h4>Analytics Cookies " + std::to_string(i) +
              "</h4><p>These technologies help us understand how our site is used, how "
              "visitors engage with it and which pages they read, so that we can improve "
              "what we offer and measure how well it performs for everyone.</p>";
  }
  std::string posts;
  for (const char* name : {"north", "south", "east"}) {
    posts += std::string("<div class='post' itemprop='comment'><div itemprop='text'>") +
             prose(name) + "</div></div>";
  }
  const Result r = cleaner().clean(
      "<html><body><div class='topic'>" + posts +
      "</div><div id='onetrust-consent-sdk'><div id='onetrust-pc-sdk' role='dialog'>"
      "<h2>Privacy Preference Center</h2>" +
      center + "</div></div></body></html>");
  check_posts_in_order(r, "north", "south", "east");
  CHECK_FALSE(has(r.text, "Privacy Preference Center"));
  CHECK_FALSE(has(r.text, "These technologies"));
}

TEST_CASE("invision community 5 posts are kept without their author panel and badges",
          "[filter][thread]") {
  std::string posts;
  for (const char* name : {"uno", "dos", "tres"}) {
    posts += std::string(
                 "<article class='ipsEntry ipsEntry--post'><aside "
                 "class='ipsEntry__author-column'><div class='ipsEntry__username'>ips_") +
             name +
             "</div><div class='ipsEntry__group'>Members</div><div>1,204 posts</div></aside>"
             "<div class='ipsEntry__post'><div class='ipsEntry__meta'><span "
             "class='ipsEntry__date'><time datetime='2024-06-14'>June 14, 2024</time></span>"
             "<ul class='ipsBadges'><li>Popular Post</li></ul></div><div class='ipsRichText "
             "ipsRichText--user'><p>" +
             prose(name) + "</p></div></div></article>";
  }
  const Result r = cleaner().clean("<html><body><div class='ipsLayout__main'><h1>Topic</h1>" +
                                   posts + "</div>" + kSidebar + "</body></html>");
  check_posts_in_order(r, "uno", "dos", "tres");
  CHECK_FALSE(has(r.text, "ips_dos"));
  CHECK_FALSE(has(r.text, "Popular Post"));
  CHECK_FALSE(has(r.text, "1,204 posts"));
}

TEST_CASE("lobsters keeps the story text and every comment, not the voters and bylines",
          "[filter][thread]") {
  std::string comments;
  for (const char* name : {"ant", "bee", "cat"}) {
    comments += std::string(
                    "<li class='comments_subtree'><div class='comment'><div "
                    "class='voters'><a class='upvoter'>12</a></div><div "
                    "class='details'><div class='byline'><a>lob_") +
                name + "</a> 1 year ago | link | flag</div><div class='comment_text'><p>" +
                prose(name) + "</p></div></div></div></li>";
  }
  const Result r = cleaner().clean(
      "<html><body><ol class='stories'><li class='story'><a class='u-url'>Project goals</a> "
      "<span class='byline'>via poster 1 year ago | 12 comments</span></li></ol><div "
      "class='story_text'><p>" +
      prose("story") + "</p></div><ol class='comments comments1'>" + comments +
      "</ol></body></html>");
  check_posts_in_order(r, "story", "ant", "cat");
  CHECK(has(r.text, prose("bee")));
  CHECK_FALSE(has(r.text, "lob_bee"));
  CHECK_FALSE(has(r.text, "12 comments"));
}

namespace {

// A board no [post] rule knows: each post a wrapper of hashed classes
// around the poster's name, a date, the text's box and a "Reply" button.
std::string hashed_board(const std::string& first_text) {
  std::string posts =
      "<div class='sc-q1 lead'><div class='sc-a9 xKd'>" + first_text + "</div></div>";
  for (const char* name : {"alpha", "bravo", "charlie"}) {
    posts += std::string("<div class='sc-w2 reply'><div class='sc-n4 Qp'>poster_") + name +
             "</div><div class='sc-d7 Lm'>28/11/2025 at 7:16 pm</div>"
             "<div class='sc-a9 xKd'><p>" +
             prose(name) + "</p></div><button>Reply</button></div>";
  }
  return "<html><body><div class='sc-top'><h1>Would you ever change careers?</h1></div>" + posts +
         "<div class='sc-f'><p>Newsletter</p></div></body></html>";
}

}  // namespace

TEST_CASE("a forum board of unknown markup keeps its posts, found as boxes of one shape",
          "[filter][thread]") {
  Options o;
  o.page_type = webclean::PageType::kForum;
  o.keep_block_reports = true;
  const Cleaner forum(o);
  const Result r = forum.clean(hashed_board("<p>" + prose("question") + "</p>"));
  REQUIRE(r.ok());
  check_posts_in_order(r, "question", "alpha", "charlie");
  CHECK_FALSE(has(r.text, "poster_bravo"));
  CHECK_FALSE(has(r.text, "Reply"));
  CHECK_FALSE(has(r.text, "Newsletter"));
}

TEST_CASE("an article page does not look for posts by the shape of its boxes", "[filter][thread]") {
  Options o;
  o.page_type = webclean::PageType::kArticle;
  o.keep_block_reports = true;
  const Cleaner article(o);
  const Result r = article.clean(hashed_board("<p>" + prose("question") + "</p>"));
  REQUIRE(r.ok());
  for (const webclean::BlockReport& b : r.blocks) {
    INFO(b.text << ": " << b.reason);
    CHECK_FALSE(has(b.reason, "a thread"));
  }
}

namespace {

const Cleaner& forum_cleaner() {
  static const Cleaner c{[] {
    Options o;
    o.page_type = webclean::PageType::kForum;
    o.keep_block_reports = true;
    return o;
  }()};
  return c;
}

// A phpBB (prosilver) topic of three posts; the second and third hold a
// <blockquote> that opens with `quote_open`: with "X wrote:", a quote of
// the post before them.
std::string phpbb_topic_with_quotes(const std::string& quote_open,
                                    const std::string& quoted_prefix = "") {
  std::string posts;
  const char* names[] = {"first", "second", "third"};
  for (int i = 0; i < 3; ++i) {
    std::string quote;
    if (i > 0) {
      quote = "<blockquote><div>" + quote_open + prose(quoted_prefix + names[i - 1]) +
              "</div></blockquote>";
    }
    posts += std::string(
                 "<div class='post bg2'><div class='inner'><div class='postbody'>"
                 "<h3>Re: The question</h3><div class='content'>") +
             quote + prose(names[i]) + "</div></div></div></div>";
  }
  return "<html><body><div id='page-body'>" + posts + "</div>" + kSidebar + "</body></html>";
}

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a quote of an earlier post inside a phpbb post goes, with its wrote line",
          "[filter][thread]") {
  const Result r =
      forum_cleaner().clean(phpbb_topic_with_quotes("<cite>poster_a wrote: &#8593;</cite>"));
  check_posts_in_order(r, "first", "second", "third");
  CHECK(count(r.text, prose("first")) == 1);
  CHECK(count(r.text, prose("second")) == 1);
  CHECK_FALSE(has(r.text, "wrote"));
  bool named = false;
  for (const auto& b : r.blocks) {
    if (!b.kept && has(b.text, "wrote")) named = has(b.reason, "kQuoteAttribution");
  }
  CHECK(named);
}

TEST_CASE("a blockquote in a post that names no poster is the post's own text",
          "[filter][thread]") {
  const Result r = forum_cleaner().clean(phpbb_topic_with_quotes("", "the manual on "));
  REQUIRE(r.ok());
  CHECK(has(r.text, prose("the manual on first")));
  CHECK(has(r.text, prose("the manual on second")));
}

TEST_CASE("a line of a post that repeats an earlier post's word for word is kept once",
          "[filter][thread]") {
  // The quotes name no poster, but repeat the posts before them.
  const Result r = forum_cleaner().clean(phpbb_topic_with_quotes(""));
  check_posts_in_order(r, "first", "second", "third");
  CHECK(count(r.text, prose("first")) == 1);
  CHECK(count(r.text, prose("second")) == 1);
  bool named = false;
  for (const auto& b : r.blocks) {
    if (!b.kept && has(b.text, "second")) named = has(b.reason, "kRepeatedPostLineMinChars");
  }
  CHECK(named);
}

TEST_CASE("xenforo and invision quote boxes inside posts go, the posts stay", "[filter][thread]") {
  std::string posts;
  for (const char* name : {"one", "two", "three"}) {
    posts += std::string(
                 "<article class='message message--post'><div class='bbWrapper'>"
                 "<blockquote class='bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote'>"
                 "<div class='bbCodeBlock-title'>someone said:</div><div "
                 "class='bbCodeBlock-content'>") +
             prose(std::string("xf-quoted-") + name) + "</div></blockquote>" + prose(name) +
             "</div></article><div class='cPost'><div class='ipsType_richText'>"
             "<div itemprop='text'><blockquote class='ipsQuote'><div class='ipsQuote_contents'>" +
             prose(std::string("ips-quoted-") + name) + "</div></blockquote><p>" +
             prose(std::string("ips-") + name) + "</p></div></div></div>";
  }
  const Result r = forum_cleaner().clean("<html><body><div class='p-body'>" + posts + "</div>" +
                                         kSidebar + "</body></html>");
  check_posts_in_order(r, "one", "two", "three");
  CHECK(has(r.text, prose("ips-two")));
  CHECK_FALSE(has(r.text, "xf-quoted"));
  CHECK_FALSE(has(r.text, "ips-quoted"));
}
