// A user's program: cleans one page with the installed library and checks
// that the article stayed and the navigation went. Exit 0 on success.
#include <webclean/cleaner.h>

#include <cstdio>
#include <string>

int main() {
  const std::string page =
      "<html><head><title>A test page</title></head><body>"
      "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/about'>About us</a></nav>"
      "<article><h1>Rivers in spring</h1>"
      "<p>The river rose by two metres in the night, and the town's old bridge was closed "
      "to traffic until the engineers had checked its piers.</p>"
      "<p>By noon the water had started to fall again, and the shops along the quay "
      "opened as they do on any other Tuesday in April.</p></article>"
      "<footer>Copyright 2026 The Example Gazette. All rights reserved.</footer>"
      "</body></html>";
  webclean::Cleaner cleaner;
  webclean::DocumentInfo info;
  info.url = "https://example.org/news/rivers";
  const webclean::Result result = cleaner.clean(page, info);
  const bool article_kept = result.text.find("old bridge was closed") != std::string::npos &&
                            result.text.find("opened as they do") != std::string::npos;
  const bool chrome_dropped = result.text.find("About us") == std::string::npos &&
                              result.text.find("All rights reserved") == std::string::npos;
  if (!result.ok() || !article_kept || !chrome_dropped) {
    std::fprintf(stderr, "consumer: unexpected result (error '%s'):\n%s\n", result.error.c_str(),
                 result.text.c_str());
    return 1;
  }
  std::printf("%s\n", result.text.c_str());
  return 0;
}
